package nl.kindpakket.ledger.api.model;

/** The model's redemption and reversal rules, in the order the ledger checks them. */
record RedemptionRules(LedgerModel model) {

    String redeem(Step.Redeem s) {
        String pass = Step.pass(s.pass());
        String redemptionId = Ledger.redemptionId(s.redemption());
        LedgerModel.PassRow holder = model.passes.get(pass);
        LedgerModel.Redemption recorded = model.redemptions.get(redemptionId);
        if (recorded == null && holder == null) {
            return "unknown-pass";
        }
        LedgerModel.Entitlement e = recorded != null ? recorded.on : model.entitlements.get(holder.entitlement());
        if (recorded != null) {
            return LedgerModel.sameRedemption(recorded.request, s) ? "repeated" : "idempotency-conflict";
        }
        String refused = refusal(s, e, pass);
        if (refused != null) {
            return refused;
        }
        e.balances.merge(s.line(), -s.cents(), Long::sum);
        e.events++;
        model.redemptions.put(redemptionId, new LedgerModel.Redemption(s, e));
        return "accepted";
    }

    private String refusal(Step.Redeem s, LedgerModel.Entitlement e, String pass) {
        if (e.status != LedgerModel.Status.ACTIVE) {
            return e.status == LedgerModel.Status.REVOKED ? "entitlement-revoked" : "entitlement-expired";
        }
        if (model.reset != null && e.year == Step.YEAR) {
            return "year-closed";
        }
        if (!pass.equals(e.pass)) {
            return "pass-replaced";
        }
        if (s.occurredOn().getYear() != e.year) {
            return "date-outside-year";
        }
        if (s.occurredOn().isBefore(e.grantedOn)) {
            return "date-before-grant";
        }
        if (s.provider().equals("shop") && model.shopSuspended) {
            return "provider-suspended";
        }
        if (s.provider().equals("shop") && !s.line().equals("3")) {
            return "provider-not-accepting-line";
        }
        Long balance = e.balances.get(s.line());
        if (balance == null) {
            return "unknown-spending-line";
        }
        return s.cents() > balance ? "insufficient-credit" : null;
    }

    String reverse(Step.Reverse s) {
        LedgerModel.Redemption r = model.redemptions.get(Ledger.redemptionId(s.redemption()));
        if (r == null) {
            return "unknown-redemption";
        }
        if (r.reversedOn != null) {
            return r.reversalReason.equals(s.reason()) && r.reversedOn.equals(s.reversedOn()) ? "repeated" : "already-reversed";
        }
        if (s.reversedOn().isBefore(r.request.occurredOn())) {
            return "reversal-before-redemption";
        }
        r.reversalReason = s.reason();
        r.reversedOn = s.reversedOn();
        r.on.balances.merge(r.request.line(), r.request.cents(), Long::sum);
        r.on.events++;
        return "accepted";
    }
}
