-- Issue 14 item 5: the trader's identity on every checkout page and in the e-mails (Consumer
-- Rights Directive art. 6(1)(b)-(c); ehandelsloven § 8): legal name, organisation number, address.
alter table publisher add column company_name varchar(200);
alter table publisher add column organisation_number varchar(20);
alter table publisher add column postal_address varchar(300);
update publisher set company_name = 'Dagsavisen Demo AS', organisation_number = '999 999 999',
    postal_address = 'Postboks 1 Sentrum, 0101 Oslo' where slug = 'demo';
