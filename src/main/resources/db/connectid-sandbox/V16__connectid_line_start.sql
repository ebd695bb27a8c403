-- Issue 13 (outside attack, finding 2): an order line's startInfo.startDate sets when the
-- subscription it gives starts (connectid-api-notes.md §6); null: it starts when the order completes.
alter table cid_order_line add column start_date timestamp(6);
