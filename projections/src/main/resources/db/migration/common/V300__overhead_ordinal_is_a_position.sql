-- A task's order is now the store position of its first recording (a number of the event store's range), which
-- every way of folding the events gives alike; earlier ordinals are smaller and keep their order.
ALTER TABLE overhead_cost ALTER COLUMN ordinal SET DATA TYPE BIGINT;
