package nl.kindpakket.ledger.api.model;

/** The model's rules for expenditures and refunds: spent plus refunded never passes what a line has available. */
record BudgetRules(LedgerModel model) {

    String spend(Step.Expenditure s) {
        Step.Expenditure earlier = model.expenditures.get(s.id());
        if (earlier != null) {
            return earlier.equals(s) ? "repeated" : "idempotency-conflict";
        }
        if (s.cents() > remaining(s.line())) {
            return "budget-exceeded";
        }
        model.expenditures.put(s.id(), s);
        return "accepted";
    }

    String refund(Step.Refund s) {
        Step.Refund earlier = model.refunds.get(s.id());
        if (earlier != null) {
            return earlier.equals(s) ? "repeated" : "idempotency-conflict";
        }
        if (s.cents() > remaining(s.line())) {
            return "refund-exceeds-underspend";
        }
        model.refunds.put(s.id(), s);
        return "accepted";
    }

    long remaining(String line) {
        return model.available.get(line) - model.netRedeemed(Step.YEAR, line) - expended(line) - refunded(line);
    }

    long expended(String line) {
        return model.expenditures.values().stream().filter(e -> e.line().equals(line)).mapToLong(Step.Expenditure::cents).sum();
    }

    long refunded(String line) {
        return model.refunds.values().stream().filter(r -> r.line().equals(line)).mapToLong(Step.Refund::cents).sum();
    }
}
