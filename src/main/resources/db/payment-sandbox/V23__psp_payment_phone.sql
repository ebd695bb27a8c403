-- Issue 14 item 12: the shopper's mobile number as the merchant knows it (E.164), pre-filled on the
-- wallet page (as Vipps ePayment's customer.phoneNumber). Portable SQL: H2 and PostgreSQL.
alter table psp_payment add column phone_number varchar(20);
