package nl.kindpakket.ledger.projections.support;

import java.util.List;

import nl.kindpakket.ledger.core.api.LedgerEvent;

/** The table of the July 2019 Westland memo, and a history of events that yields it. */
public final class WestlandMemo {

    public static final int[] ISSUED_2018 = {701, 756, 798, 812, 886, 934, 977, 981, 1062, 1091, 1107, 1112};
    public static final int[] USERS_2018 = {27, 56, 131, 196, 181, 137, 167, 416, 513, 525, 472, 549};
    public static final int[] ISSUED_2019 = {954, 961, 969, 995, 1008};
    public static final int[] USERS_2019 = {278, 227, 204, 203, 204};
    public static final int RENEWED_AT_RESET = 900;

    private WestlandMemo() {
    }

    public static List<LedgerEvent> history() {
        return new PassHistoryGenerator("westland", 2019_07L)
                .year(2018, ISSUED_2018, USERS_2018)
                .annualReset(2018, RENEWED_AT_RESET)
                .year(2019, ISSUED_2019, USERS_2019)
                .events();
    }
}
