-- Online payments (issue 5) through an internet payment gateway (request → redirect → callback → verify, or
-- reverse). A payment covers one or several bills at the amounts quoted when it was started.

CREATE TABLE payments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipalities (id),
  state text NOT NULL CHECK (state IN ('created', 'pending', 'paid', 'failed', 'refund_pending', 'refunded')),
  amount_rials bigint NOT NULL CHECK (amount_rials >= 1000),
  gateway text NOT NULL,
  authority text,
  ref_id text,
  card_pan text,
  payer_kind text NOT NULL CHECK (payer_kind IN ('citizen', 'office', 'anonymous')),
  payer_user_id uuid,
  payer_office_id uuid,
  payer_national_id text,
  -- Shown only in the payer's redirect: lets someone who paid by bill ID alone read their receipt.
  receipt_token text NOT NULL,
  failure_reason text,
  callbacks integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  verified_at timestamptz,
  completed_at timestamptz,
  UNIQUE (municipality_id, id),
  UNIQUE (gateway, authority),
  FOREIGN KEY (municipality_id, payer_office_id) REFERENCES offices (municipality_id, id)
);
-- What reconciliation walks: payments not yet final.
CREATE INDEX payments_open_idx ON payments (created_at) WHERE state IN ('created', 'pending', 'refund_pending');
CREATE INDEX payments_payer_idx ON payments (municipality_id, payer_national_id, created_at DESC);
CREATE INDEX payments_office_idx ON payments (payer_office_id, created_at DESC) WHERE payer_office_id IS NOT NULL;

CREATE TABLE payment_items (
  municipality_id uuid NOT NULL,
  payment_id uuid NOT NULL,
  bill_id uuid NOT NULL,
  principal_rials bigint NOT NULL,
  penalty_rials bigint NOT NULL CHECK (penalty_rials >= 0),
  prize_rials bigint NOT NULL CHECK (prize_rials >= 0),
  amount_rials bigint NOT NULL CHECK (amount_rials = principal_rials + penalty_rials - prize_rials),
  amnesty_code text,
  PRIMARY KEY (payment_id, bill_id),
  FOREIGN KEY (municipality_id, payment_id) REFERENCES payments (municipality_id, id),
  FOREIGN KEY (municipality_id, bill_id) REFERENCES bills (municipality_id, id)
);
CREATE INDEX payment_items_bill_idx ON payment_items (bill_id);

-- Every exchange with the gateway and every callback that arrived, in order: the payment's own history.
CREATE TABLE payment_events (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  municipality_id uuid NOT NULL,
  payment_id uuid NOT NULL,
  at timestamptz NOT NULL,
  kind text NOT NULL,
  details jsonb NOT NULL DEFAULT '{}',
  FOREIGN KEY (municipality_id, payment_id) REFERENCES payments (municipality_id, id)
);
CREATE INDEX payment_events_payment_idx ON payment_events (payment_id, id);

-- What reconciliation could not settle by itself, for finance staff to look at.
CREATE TABLE payment_mismatches (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipalities (id),
  payment_id uuid,
  gateway_authority text,
  kind text NOT NULL,
  details jsonb NOT NULL DEFAULT '{}',
  found_at timestamptz NOT NULL,
  resolved_at timestamptz,
  resolved_by uuid,
  resolution_note text,
  FOREIGN KEY (municipality_id, payment_id) REFERENCES payments (municipality_id, id)
);
CREATE UNIQUE INDEX payment_mismatches_once_key ON payment_mismatches (municipality_id, kind, coalesce(payment_id::text, gateway_authority));
CREATE INDEX payment_mismatches_open_idx ON payment_mismatches (municipality_id, found_at DESC) WHERE resolved_at IS NULL;

-- A bill is settled by one payment at most; the ledger check also proves it.
ALTER TABLE bills ADD FOREIGN KEY (municipality_id, paid_by_payment_id) REFERENCES payments (municipality_id, id);
