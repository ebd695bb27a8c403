-- Payment callbacks find their checkout by the provider's payment id.
create index ix_checkout_session_payment on checkout_session (payment_id);
