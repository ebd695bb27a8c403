-- Issue 14 item 1: what the subscription renews at, snapshotted with the first price when the
-- offer was chosen, so review, receipt and e-mail state the same terms as the offer page.
-- Null for one-off products and for checkouts started before this column existed.
alter table checkout_session add column renewal_amount_minor bigint;
alter table checkout_session add column renewal_period_length integer;
alter table checkout_session add column renewal_period_type varchar(20);
