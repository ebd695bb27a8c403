-- Counters handed out under a row lock (portable stand-in for a sequence): customer numbers.
-- 500000 is the seeded demo customer; new customers start at 500001.
create table cid_counter (
    name                varchar(40)   not null primary key,
    counter_value       bigint        not null
);

insert into cid_counter (name, counter_value) values ('customer', 500000);
