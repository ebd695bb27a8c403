-- Found by the second outside attack: a refresh token revoked with its family but never used
-- answered "already used". used_at: when the token was exchanged for a new pair (rotation);
-- revoked_at alone no longer tells use from revocation. Tokens rotated before this column are
-- taken as used (the safe reading: presenting one again revokes its family).
alter table cid_token add column used_at timestamp(6);
update cid_token set used_at = revoked_at where kind = 'refresh' and revoked_at is not null;
