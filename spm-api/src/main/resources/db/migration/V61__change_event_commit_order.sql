-- The change feed's cursor in commit order (issue 15). V60's cursor was the row id, taken when the row is
-- inserted: a transaction that inserted first but committed last became visible behind a cursor a poller had
-- already passed, and its change was never listed. Now a row gets its cursor (seq) only once it is committed
-- and visible: a reader of the feed numbers every visible unnumbered row under one lock, after every number
-- handed out before (ChangeEvents.after). Rows written before this migration keep their id as cursor.
alter table change_event add column seq bigint;
update change_event set seq = id;
create unique index change_event_seq on change_event (seq);
create index change_event_unsequenced on change_event (id) where seq is null;
