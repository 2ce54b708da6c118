package nl.kindpakket.ledger.projections.spending;

import java.util.Arrays;
import java.util.List;

/**
 * What a posting on a spending line is, and which of the line's figures its amount moves: the amount is signed as it
 * moves that figure, so a line's available, spent and refunded are each the sum of its postings of those kinds.
 */
public enum PostingKind {

    /** budget allocated to the line: adds to available */
    ALLOCATION("allocation", Figure.AVAILABLE),
    /** a pass redeemed at a provider: adds to spent */
    REDEMPTION("redemption", Figure.SPENT),
    /** a redemption undone: takes its amount off spent, so its amount is negative */
    REVERSAL("reversal", Figure.SPENT),
    /** an organisation's direct spending: adds to spent */
    EXPENDITURE("expenditure", Figure.SPENT),
    /** underspend repaid: adds to refunded */
    REFUND("refund", Figure.REFUNDED);

    /** The figures of a line that postings move; remaining follows from them ({@link LineFigures}). */
    public enum Figure {
        AVAILABLE, SPENT, REFUNDED
    }

    private final String code;
    private final Figure figure;

    PostingKind(String code, Figure figure) {
        this.code = code;
        this.figure = figure;
    }

    /** The name clients read in the journal, such as {@code redemption}. */
    public String code() {
        return code;
    }

    public Figure figure() {
        return figure;
    }

    public static PostingKind of(String code) {
        return Arrays.stream(values()).filter(kind -> kind.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no posting kind " + code));
    }

    /** The kinds whose amounts make up this figure. */
    static List<PostingKind> moving(Figure figure) {
        return Arrays.stream(values()).filter(kind -> kind.figure == figure).toList();
    }
}
