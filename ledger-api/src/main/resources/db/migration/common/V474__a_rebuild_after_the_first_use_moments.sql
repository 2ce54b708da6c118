-- V473 lets an entitlement's monthly row keep the moments of its grant and first uses, which the monthly counters'
-- logs no longer repeat. The rows written before it keep none, and their log rows stay: the figures are the same,
-- but a fold from nothing writes them the new way, so a reconciliation would name them. Where there are such rows,
-- a rebuild of the read models is requested here; the service takes it up as soon as it runs (as it takes up a
-- rebuild whose owner went silent), serves the old figures while it folds, and switches to the new tables at once.
-- Not when another rebuild is active: that one goes on, and what it folds after the upgrade is written the new way.
INSERT INTO read_model_rebuild (rebuild_id, state, active, requested_at)
SELECT 'upgrade-v473-first-use-moments', 'STARTING', 1, CURRENT_TIMESTAMP
WHERE EXISTS (SELECT 1 FROM monthly_entitlement WHERE granted_at IS NULL)
  AND NOT EXISTS (SELECT 1 FROM read_model_rebuild WHERE active = 1);
