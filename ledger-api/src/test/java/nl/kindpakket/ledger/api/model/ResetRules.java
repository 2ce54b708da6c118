package nl.kindpakket.ledger.api.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/** The model's annual reset: the year closes, its active entitlements expire, the renewals are granted anew. */
record ResetRules(LedgerModel model) {

    String annualReset(Step.AnnualReset s) {
        List<List<String>> renewals = new ArrayList<>();
        for (int child : s.renewedChildren()) {
            LedgerModel.Entitlement held = model.entitlements.get(Ledger.entitlementId(Step.YEAR, Step.child(child)));
            renewals.add(List.of(Step.child(child), held != null ? held.pass : "PN-000" + child));
        }
        if (new HashSet<>(renewals.stream().map(r -> r.get(1)).toList()).size() < renewals.size()) {
            return "invalid-input";
        }
        if (model.reset != null) {
            return new HashSet<>(model.reset).equals(new HashSet<>(renewals)) ? "repeated" : "year-already-closed";
        }
        model.reset = renewals;
        for (LedgerModel.Entitlement e : List.copyOf(model.entitlements.values())) {
            if (e.year == Step.YEAR && e.status == LedgerModel.Status.ACTIVE) {
                e.status = LedgerModel.Status.EXPIRED;
                e.events++;
                model.passes.values().removeIf(row -> row.entitlement().equals(e.id));
            }
        }
        for (List<String> renewal : renewals) {
            LedgerModel.Entitlement renewed = new LedgerModel.Entitlement(Step.NEXT, renewal.get(0), renewal.get(1),
                    Map.of("1", Ledger.RENEWAL_CREDIT), LocalDate.of(Step.NEXT, 1, 1));
            model.passes.put(renewal.get(1), new LedgerModel.PassRow(renewed.id, false));
            model.entitlements.put(renewed.id, renewed);
        }
        return "accepted";
    }
}
