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
