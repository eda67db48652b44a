-- Whose a client's idempotency key is: the payer, service and action it was first used for. A key is
-- refused for anyone or anything else, with or without Redis, across replicas and restarts.
CREATE SCHEMA IF NOT EXISTS payments;

CREATE TABLE payments.order_keys (
  -- SHA-256 of the client's key: the key is the client's to know, ours only to recognise
  key_hash   text PRIMARY KEY,
  -- SHA-256 of payer, service and action: the owner, without an IIN or BIN in clear
  owner_hash text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
