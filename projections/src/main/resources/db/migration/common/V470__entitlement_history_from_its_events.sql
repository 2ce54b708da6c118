-- An entitlement's history is told from its own events in the store, which keeps them in the order recorded: the
-- copy in entitlement_history was the largest of the read models' tables, a row written on every event, live and in
-- every rebuild. Each row of the view and of its credit now counts the entitlement's events the view had taken in
-- when it wrote the row; the history shown ends there, where the figures do.
ALTER TABLE entitlement_view ADD COLUMN events_seen INTEGER NOT NULL DEFAULT 0;
ALTER TABLE entitlement_credit ADD COLUMN events_seen INTEGER NOT NULL DEFAULT 0;
UPDATE entitlement_view SET events_seen =
    (SELECT COALESCE(MAX(h.sequence_no), 0) FROM entitlement_history h WHERE h.entitlement_id = entitlement_view.entitlement_id);
DROP TABLE entitlement_history;
