-- Where the fulfillment URL sends the browser back to (the client's returnUrl / errorUrl),
-- kept on the order while the shopper is at the payment provider.
alter table cid_order add column return_url varchar(1000);
alter table cid_order add column error_url varchar(1000);
