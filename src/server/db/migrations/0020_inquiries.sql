-- Inquiry responses and clearance (issue 6): the parcel's record facts the findings need (building violations and
-- Article 100 commission cases), dated auto-issuance settings per municipality, and the inquiries themselves.

-- A building violation (تخلف ساختمانی) or an Article 100 commission case (کمیسیون ماده صد) on a parcel. Open while
-- closed_on is null; closed by staff with the date and the reason (the commission's ruling carried out, etc.).
CREATE TABLE parcel_violations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL,
  parcel_id uuid NOT NULL,
  district_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('building_violation', 'article_100')),
  description text NOT NULL,
  opened_on date NOT NULL,
  closed_on date,
  close_reason text,
  recorded_by uuid,
  closed_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (municipality_id, id),
  CHECK (closed_on IS NULL OR closed_on >= opened_on),
  CHECK ((closed_on IS NULL) = (close_reason IS NULL)),
  FOREIGN KEY (municipality_id, parcel_id) REFERENCES parcels (municipality_id, id),
  FOREIGN KEY (municipality_id, district_id) REFERENCES districts (municipality_id, id)
);
CREATE INDEX parcel_violations_parcel_idx ON parcel_violations (municipality_id, parcel_id, opened_on);

-- The auto-issuance rule's dated configuration: the version in force on a day is the latest effective_from <= day.
CREATE TABLE inquiry_settings (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipalities (id),
  effective_from date NOT NULL,
  response_validity_months integer NOT NULL CHECK (response_validity_months BETWEEN 1 AND 24),
  completion_months integer NOT NULL CHECK (completion_months BETWEEN 0 AND 60),
  clearance_validity_months integer NOT NULL CHECK (clearance_validity_months BETWEEN 1 AND 24),
  require_nothing_owed boolean NOT NULL,
  require_no_open_violation boolean NOT NULL,
  require_no_pending_article_100 boolean NOT NULL,
  site_visit_when_routed boolean NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid,
  UNIQUE (municipality_id, effective_from)
);

-- Every municipality that exists starts with the Urmia rule (domain_rules §1.4: both periods are configurable).
INSERT INTO inquiry_settings (municipality_id, effective_from, response_validity_months, completion_months,
  clearance_validity_months, require_nothing_owed, require_no_open_violation, require_no_pending_article_100,
  site_visit_when_routed)
SELECT id, DATE '2020-03-20', 2, 6, 2, true, true, true, true FROM municipalities;

-- Cases filed by an institution's system have no user behind them and no citizen applicant: the requester is the
-- API client (or the office), recorded here and in inquiries.
ALTER TABLE cases ALTER COLUMN filed_by_user_id DROP NOT NULL;
ALTER TABLE cases ALTER COLUMN applicant_national_id DROP NOT NULL;
ALTER TABLE cases ALTER COLUMN applicant_mobile DROP NOT NULL;
ALTER TABLE cases ADD COLUMN filed_by_api_client_id uuid;
ALTER TABLE cases ADD CONSTRAINT cases_filed_by_someone
  CHECK (filed_by_user_id IS NOT NULL OR filed_by_api_client_id IS NOT NULL);

CREATE TABLE inquiries (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL,
  case_id uuid NOT NULL,
  parcel_id uuid NOT NULL,
  district_id uuid NOT NULL,
  purpose text NOT NULL CHECK (purpose IN ('transfer', 'mortgage', 'utility_connection')),
  letter_number text,
  letter_date date,
  requester_kind text NOT NULL CHECK (requester_kind IN ('api_client', 'office')),
  requester_api_client_id uuid,
  requester_office_id uuid,
  requester_user_id uuid,
  -- in_review until staff finish the case; issued (a certificate, possibly conditional), refused (a certificate
  -- with outcome refused and the reasons), withdrawn (no certificate).
  status text NOT NULL CHECK (status IN ('issued', 'in_review', 'refused', 'withdrawn')),
  auto_issued boolean NOT NULL,
  -- The rule's answer when the request came in: every condition with its numbers (decideAutoIssuance).
  decision jsonb NOT NULL,
  settings_id uuid NOT NULL REFERENCES inquiry_settings (id),
  certificate_id uuid,
  idempotency_key text,
  request_hash text,
  first_status integer NOT NULL,
  created_at timestamptz NOT NULL,
  decided_at timestamptz,
  UNIQUE (municipality_id, id),
  UNIQUE (municipality_id, case_id),
  CHECK ((requester_kind = 'api_client') = (requester_api_client_id IS NOT NULL)),
  CHECK ((requester_kind = 'office') = (requester_office_id IS NOT NULL)),
  CHECK ((idempotency_key IS NULL) = (request_hash IS NULL)),
  FOREIGN KEY (municipality_id, case_id) REFERENCES cases (municipality_id, id),
  FOREIGN KEY (municipality_id, parcel_id) REFERENCES parcels (municipality_id, id),
  FOREIGN KEY (municipality_id, district_id) REFERENCES districts (municipality_id, id),
  FOREIGN KEY (municipality_id, certificate_id) REFERENCES certificates (municipality_id, id)
);
-- Idempotency-Key is per requester: one institution's key never collides with another's.
CREATE UNIQUE INDEX inquiries_idempotency_idx
  ON inquiries (municipality_id, COALESCE(requester_api_client_id, requester_office_id), idempotency_key)
  WHERE idempotency_key IS NOT NULL;
CREATE INDEX inquiries_api_client_idx ON inquiries (requester_api_client_id, created_at DESC)
  WHERE requester_api_client_id IS NOT NULL;
CREATE INDEX inquiries_office_idx ON inquiries (requester_office_id, created_at DESC)
  WHERE requester_office_id IS NOT NULL;
CREATE INDEX inquiries_parcel_idx ON inquiries (municipality_id, parcel_id, created_at DESC);
