-- Issue 12 (CSRF, stale tabs): each checkout's own random key for the form tokens its pages carry
-- (checkout.CheckoutFormTokens). Rows created before this column have none: their tokens fall back
-- to the session's token hash. Portable SQL: runs unchanged on H2 and PostgreSQL.
alter table checkout_session add column form_key varchar(64);
