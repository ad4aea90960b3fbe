-- Cases, follow-up (issue 4): tracking codes for a national deployment, several audit chains per municipality,
-- and an office's record of a citizen's consent.

-- A tracking code carries the municipality number in 4 digits (see cases/calendar/tracking-code.ts); codes issued
-- before, with 2 digits, keep their value and stay readable.
ALTER TABLE municipalities ADD CONSTRAINT municipalities_number_range CHECK (number BETWEEN 1 AND 9999);

-- Several hash chains per municipality, so unrelated writes no longer wait on one head row (ADR 0008). The rows
-- written before belong to chain 0 and verify exactly as before.
ALTER TABLE audit_log ADD COLUMN chain smallint NOT NULL DEFAULT 0 CHECK (chain >= 0);
ALTER TABLE audit_log DROP CONSTRAINT audit_log_municipality_id_seq_key;
ALTER TABLE audit_log ADD CONSTRAINT audit_log_chain_seq_key UNIQUE (municipality_id, chain, seq);
ALTER TABLE audit_heads ADD COLUMN chain smallint NOT NULL DEFAULT 0 CHECK (chain >= 0);
ALTER TABLE audit_heads DROP CONSTRAINT audit_heads_pkey;
ALTER TABLE audit_heads ADD PRIMARY KEY (municipality_id, chain);

-- An office's record that a citizen consented to it filing one service for them (the code texted to the citizen, or
-- an ID document checked in person). Until it is used or expires, the office may list the citizen's parcels to pick
-- one, and file one case with it; nothing else shows an office a citizen's parcels.
CREATE TABLE office_consents (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL,
  office_id uuid NOT NULL,
  operator_user_id uuid NOT NULL,
  national_id text NOT NULL,
  mobile text NOT NULL,
  service_code text NOT NULL,
  method text NOT NULL CHECK (method IN ('otp', 'in_person')),
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  case_id uuid,
  UNIQUE (municipality_id, id),
  FOREIGN KEY (municipality_id, office_id) REFERENCES offices (municipality_id, id),
  FOREIGN KEY (municipality_id, case_id) REFERENCES cases (municipality_id, id)
);
CREATE INDEX office_consents_office_idx ON office_consents (office_id, created_at DESC);
