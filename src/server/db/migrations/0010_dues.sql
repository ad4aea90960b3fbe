-- Renewal dues (issue 5): dated per-municipality tariffs and amnesties, assessment runs, bills with Iranian bill
-- IDs, and a double-entry ledger. Money is bigint rials everywhere.

-- The municipality's 3-digit company code at the payment switch (part of every bill ID) and its bill serial.
CREATE TABLE dues_settings (
  municipality_id uuid PRIMARY KEY REFERENCES municipalities (id),
  bill_company_code text NOT NULL CHECK (bill_company_code ~ '^[0-9]{3}$'),
  last_bill_serial bigint NOT NULL DEFAULT 0 CHECK (last_bill_serial BETWEEN 0 AND 99999999)
);

-- A tariff applies from 1 Farvardin of dues_year until the next tariff's year (دفترچه تعرفه, approved each year).
CREATE TABLE dues_tariffs (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipalities (id),
  dues_year integer NOT NULL CHECK (dues_year BETWEEN 1300 AND 1700),
  resolution_no text NOT NULL,
  tariff jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid,
  UNIQUE (municipality_id, dues_year),
  UNIQUE (municipality_id, id)
);

-- Amnesties are dated rules of their own: a law or council resolution arrives in the middle of a tariff year.
CREATE TABLE dues_amnesties (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipalities (id),
  code text NOT NULL CHECK (code ~ '^[a-z0-9_]{2,40}$'),
  title text NOT NULL,
  resolution_no text NOT NULL,
  starts_on date NOT NULL,
  ends_on date NOT NULL CHECK (ends_on >= starts_on),
  dues_years_up_to integer,
  penalty_waiver_pct integer NOT NULL CHECK (penalty_waiver_pct BETWEEN 1 AND 100),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (municipality_id, code)
);

-- Facts about a parcel that a tariff's adjustments and exemptions may name (no piped water, endowment, …).
CREATE TABLE dues_parcel_flags (
  municipality_id uuid NOT NULL,
  parcel_id uuid NOT NULL,
  flag text NOT NULL CHECK (flag ~ '^[a-z0-9_]{2,40}$'),
  PRIMARY KEY (parcel_id, flag),
  FOREIGN KEY (municipality_id, parcel_id) REFERENCES parcels (municipality_id, id)
);

CREATE TABLE dues_assessment_runs (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipalities (id),
  dues_year integer NOT NULL,
  tariff_id uuid NOT NULL,
  state text NOT NULL CHECK (state IN ('running', 'done', 'failed')),
  parcels_total integer NOT NULL,
  parcels_done integer NOT NULL DEFAULT 0,
  bills_created integer NOT NULL DEFAULT 0,
  exempt_count integer NOT NULL DEFAULT 0,
  total_rials bigint NOT NULL DEFAULT 0,
  -- Parcels are read in physical order, block range by block range (sequential reads at any size), then a sweep
  -- picks up any parcel that moved or arrived meanwhile.
  blocks_total integer NOT NULL DEFAULT 0,
  cursor_block integer,
  started_by uuid,
  started_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz,
  last_error text,
  UNIQUE (municipality_id, id),
  FOREIGN KEY (municipality_id, tariff_id) REFERENCES dues_tariffs (municipality_id, id)
);
-- One run at a time per municipality and year.
CREATE UNIQUE INDEX dues_assessment_runs_running_key ON dues_assessment_runs (municipality_id, dues_year)
  WHERE state = 'running';

-- A random UUID whose first 48 bits are the time in milliseconds: rows written together sit together in every index
-- keyed by it (a million bills written by one assessment append to the right of the index instead of touching a
-- random page each; measured in bench/dues/RESULTS.md).
CREATE FUNCTION uuid_time_ordered() RETURNS uuid LANGUAGE sql VOLATILE PARALLEL SAFE AS $$
  SELECT encode(overlay(uuid_send(gen_random_uuid())
    PLACING substring(int8send(floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint) FROM 3) FROM 1 FOR 6), 'hex')::uuid
$$;

CREATE TABLE bills (
  id uuid PRIMARY KEY DEFAULT uuid_time_ordered(),
  municipality_id uuid NOT NULL,
  parcel_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('renewal_dues')),
  dues_year integer NOT NULL,
  bill_id text NOT NULL CHECK (bill_id ~ '^[1-9][0-9]{5,12}$'),
  tariff_id uuid NOT NULL,
  assessment_run_id uuid,
  zone_code text,
  land_use text NOT NULL,
  land_area_m2 numeric(12, 2) NOT NULL,
  built_area_m2 numeric(12, 2) NOT NULL,
  land_value_rials bigint NOT NULL,
  building_value_rials bigint NOT NULL,
  adjustment_codes text[],
  exemption_code text,
  principal_rials bigint NOT NULL CHECK (principal_rials >= 0 AND principal_rials % 1000 = 0),
  state text NOT NULL CHECK (state IN ('open', 'paid', 'exempt', 'cancelled')),
  accrues_on date NOT NULL,
  due_on date NOT NULL,
  paid_at timestamptz,
  paid_by_payment_id uuid,
  cancelled_at timestamptz,
  cancel_reason text,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (municipality_id, id),
  UNIQUE (municipality_id, bill_id),
  -- The guarantee that re-running an assessment never bills a parcel twice for a year.
  UNIQUE (municipality_id, parcel_id, kind, dues_year),
  FOREIGN KEY (municipality_id, parcel_id) REFERENCES parcels (municipality_id, id),
  FOREIGN KEY (municipality_id, tariff_id) REFERENCES dues_tariffs (municipality_id, id),
  CHECK ((state = 'exempt') = (principal_rials = 0)),
  CHECK (state <> 'paid' OR (paid_at IS NOT NULL AND paid_by_payment_id IS NOT NULL))
);

-- The mod-11 check digit of a bill ID body (weights 2..7 cycling from the right, domain_rules §7.6), as one
-- inlinable expression so set-based assessment computes bill IDs without a function call per row.
-- Must agree with billCheckDigit in src/shared/identifiers/bill.ts (a test compares them).
CREATE FUNCTION bill_check_digit(body bigint) RETURNS integer
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT ((11 - (
      (body % 10) * 2 + (body / 10 % 10) * 3 + (body / 100 % 10) * 4 + (body / 1000 % 10) * 5
    + (body / 10000 % 10) * 6 + (body / 100000 % 10) * 7 + (body / 1000000 % 10) * 2
    + (body / 10000000 % 10) * 3 + (body / 100000000 % 10) * 4 + (body / 1000000000 % 10) * 5
    + (body / 10000000000 % 10) * 6 + (body / 100000000000 % 10) * 7 + (body / 1000000000000 % 10) * 2
  ) % 11) % 11 % 10)::integer
$$;

-- Double-entry ledger. An entry is one business event; its lines move rials between accounts and sum to zero
-- (debits positive, credits negative). Receivable lines name the parcel and bill they concern.
CREATE TABLE ledger_entries (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  municipality_id uuid NOT NULL REFERENCES municipalities (id),
  kind text NOT NULL CHECK (kind IN ('charge', 'payment', 'refund', 'reversal')),
  at timestamptz NOT NULL,
  memo text NOT NULL,
  assessment_run_id uuid,
  payment_id uuid,
  bill_id uuid,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ledger_entries_payment_idx ON ledger_entries (payment_id) WHERE payment_id IS NOT NULL;

CREATE TABLE ledger_lines (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  municipality_id uuid NOT NULL,
  entry_id bigint NOT NULL REFERENCES ledger_entries (id),
  account text NOT NULL CHECK (account IN (
    'dues_receivable', 'dues_revenue', 'penalty_revenue', 'prize_discount', 'gateway_clearing', 'payer_refunds'
  )),
  parcel_id uuid,
  bill_id uuid,
  amount_rials bigint NOT NULL CHECK (amount_rials <> 0),
  at timestamptz NOT NULL,
  CHECK ((account = 'dues_receivable') = (bill_id IS NOT NULL))
);
CREATE INDEX ledger_lines_bill_idx ON ledger_lines (bill_id) WHERE bill_id IS NOT NULL;

-- The lines each statement writes must balance per entry (writers insert an entry's lines in one statement), so
-- every entry balances. A row-level deferred check would cost O(lines²) for a 10,000-line assessment entry.
CREATE FUNCTION ledger_lines_balanced() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  unbalanced bigint;
BEGIN
  SELECT entry_id INTO unbalanced FROM new_lines GROUP BY entry_id HAVING sum(amount_rials) <> 0 LIMIT 1;
  IF unbalanced IS NOT NULL THEN
    RAISE EXCEPTION 'ledger entry % does not balance', unbalanced USING ERRCODE = 'check_violation';
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER ledger_lines_balanced AFTER INSERT ON ledger_lines
  REFERENCING NEW TABLE AS new_lines FOR EACH STATEMENT EXECUTE FUNCTION ledger_lines_balanced();

-- The ledger is append-only: a mistake is corrected by a reversing entry, never by editing history.
CREATE FUNCTION ledger_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the ledger is append-only (% on %)', TG_OP, TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER ledger_entries_append_only BEFORE UPDATE OR DELETE ON ledger_entries
  FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
CREATE TRIGGER ledger_lines_append_only BEFORE UPDATE OR DELETE ON ledger_lines
  FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
