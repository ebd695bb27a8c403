-- Issue 14 item 10: the hosted pages show the merchant the payment was created for: its colours,
-- support address and terms, and the wallet by its name. Portable SQL: H2 and PostgreSQL.
alter table psp_merchant add column brand_color varchar(7);
alter table psp_merchant add column brand_text_color varchar(7);
alter table psp_merchant add column support_email varchar(200);
alter table psp_merchant add column terms_url varchar(500);
alter table psp_merchant add column wallet_name varchar(40) default 'Vipps' not null;
