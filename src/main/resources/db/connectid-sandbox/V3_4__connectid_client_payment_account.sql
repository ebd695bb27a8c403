-- The client's own merchant account at the payment provider, used to verify its prepaid payments
-- (ConnectID is configured with a publisher's payment integration). Readable: it calls the provider.
alter table cid_client add column psp_api_key varchar(200);
alter table cid_client add column psp_callback_secret varchar(200);
