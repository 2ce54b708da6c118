package nl.kindpakket.ledger.projections.overhead;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Execution costs against the money that went directly to children, for one municipality's year. Organisations
 * and tasks are in the order they were first recorded.
 *
 * @param directBenefitCents the year's total spent: redemptions minus reversals plus expenditures
 * @param overheadShare      overhead / (overhead + direct benefit), four decimals; null when both are zero
 * @param fte                the FTE of all tasks together, two decimals
 */
public record OverheadReport(
        String municipality,
        int year,
        long overheadCents,
        long directBenefitCents,
        BigDecimal overheadShare,
        BigDecimal fte,
        List<OrganisationOverhead> byOrganisation,
        List<TaskOverhead> byTask
) {

    public OverheadReport {
        byOrganisation = List.copyOf(byOrganisation);
        byTask = List.copyOf(byTask);
    }

    public record OrganisationOverhead(String organisation, long overheadCents, BigDecimal fte) {
    }

    /** @param overheadCentsByOrganisation the task's cost per organisation that carried it, in report order */
    public record TaskOverhead(String task, BigDecimal fte, long overheadCents,
                               Map<String, Long> overheadCentsByOrganisation) {

        public TaskOverhead {
            overheadCentsByOrganisation = Collections.unmodifiableMap(new LinkedHashMap<>(overheadCentsByOrganisation));
        }
    }
}
