-- The checkout's own secret keys that no one configured (checkout.signing-key, web.SigningKeyStore):
-- generated at the first start (256 random bits, Base64) and shared by every later start and every
-- instance. The primary key makes two instances starting at once end with one key: the second
-- insert is refused and that instance reads the first one's. Portable SQL: H2 and PostgreSQL.
create table checkout_key (
    name        varchar(100)  not null primary key,
    key_value   varchar(100)  not null,
    created_at  timestamp(6)  not null
);
