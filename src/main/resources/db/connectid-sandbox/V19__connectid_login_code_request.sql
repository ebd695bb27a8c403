-- A one-time code belongs to the login that asked for it (outside attack of stop 22): the SHA-256
-- of a random token carried by that login's code-entry form. Codes without one are never accepted.
alter table cid_login_code add column request_hash varchar(64);
create index ix_cid_login_code_request on cid_login_code (request_hash);
