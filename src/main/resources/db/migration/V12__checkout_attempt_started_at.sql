-- When the shopper confirmed the current attempt: the return links handed to ConnectID and the
-- payment provider expire counted from it, so every retry of one attempt's requests carries the
-- same link (an idempotent payment start must send the same request). Rows from before have none:
-- their links count from the moment they are built. Portable SQL: runs unchanged on H2 and PostgreSQL.
alter table checkout_session add column attempt_started_at timestamp;
