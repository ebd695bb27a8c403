-- ConnectID's Register order has no idempotency key and no duplicate check: the step is claimed
-- first (a short lease), so that two concurrent steps of one attempt never register it twice.
alter table checkout_session add column registering_until timestamp(6);
