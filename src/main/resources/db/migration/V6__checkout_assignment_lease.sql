-- Assigning a guest's order to a ConnectID user sends the shopper a message: the step is claimed
-- first (a short lease), so that two concurrent steps never assign, and message, twice.
alter table checkout_session add column assigning_until timestamp(6);
