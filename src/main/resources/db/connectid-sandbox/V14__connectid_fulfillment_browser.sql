-- Issue 13 item 11: a fulfillment belongs to the browser that first opened it. The browser holds a
-- random value in a cookie; only its SHA-256 is stored, one row per order.
create table cid_fulfillment_browser (
    order_id bigint not null primary key,
    browser_hash varchar(64) not null,
    created_at timestamp(6) not null
);
