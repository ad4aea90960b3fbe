-- Cases (issue 4): services defined as data, versioned; cases with a state machine, a timeline, documents stored
-- by content hash, deadlines in working days; notifications and timers as jobs in the database.

ALTER TABLE municipalities ADD COLUMN number serial UNIQUE;
ALTER TABLE municipalities ADD COLUMN weekly_rest_days integer[] NOT NULL DEFAULT '{5}';
ALTER TABLE municipalities ADD COLUMN workday_start text NOT NULL DEFAULT '07:30' CHECK (workday_start ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$');
ALTER TABLE municipalities ADD COLUMN workday_end text NOT NULL DEFAULT '14:30' CHECK (workday_end ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$');
-- A one-time code proves one thing: signing in, or a citizen's consent to an office filing for them.
ALTER TABLE otp_challenges ADD COLUMN purpose text NOT NULL DEFAULT 'sign_in' CHECK (purpose IN ('sign_in', 'consent'));

CREATE TABLE holidays (
  municipality_id uuid NOT NULL REFERENCES municipalities (id),
  day date NOT NULL,
  name text NOT NULL,
  PRIMARY KEY (municipality_id, day)
);

CREATE TABLE services (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipalities (id),
  code text NOT NULL CHECK (code ~ '^[a-z0-9_]{2,40}$'),
  current_version integer NOT NULL DEFAULT 1,
  is_active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (municipality_id, code),
  UNIQUE (municipality_id, id)
);

-- A case keeps the version of the definition it was filed under; editing a service adds a version.
CREATE TABLE service_versions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL,
  service_id uuid NOT NULL,
  version integer NOT NULL,
  definition jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid,
  UNIQUE (service_id, version),
  UNIQUE (municipality_id, id),
  FOREIGN KEY (municipality_id, service_id) REFERENCES services (municipality_id, id)
);

-- Where a service is live (Urmia piloted district by district).
CREATE TABLE service_districts (
  municipality_id uuid NOT NULL,
  service_id uuid NOT NULL,
  district_id uuid NOT NULL,
  live_since timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (service_id, district_id),
  FOREIGN KEY (municipality_id, service_id) REFERENCES services (municipality_id, id),
  FOREIGN KEY (municipality_id, district_id) REFERENCES districts (municipality_id, id)
);

CREATE TABLE cases (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL,
  district_id uuid NOT NULL,
  service_id uuid NOT NULL,
  service_version_id uuid NOT NULL,
  parcel_id uuid,
  applicant_national_id text NOT NULL,
  applicant_mobile text NOT NULL,
  applicant_user_id uuid,
  filed_by_user_id uuid NOT NULL,
  filed_by_office_id uuid,
  consent_method text CHECK (consent_method IN ('otp', 'in_person')),
  state text NOT NULL,
  outcome text,
  form_data jsonb NOT NULL DEFAULT '{}',
  returned_items jsonb,
  visit_findings jsonb,
  tracking_code text UNIQUE,
  file_number text,
  assignee_user_id uuid,
  sla jsonb,
  deadline_at timestamptz,
  escalated_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  submitted_at timestamptz,
  closed_at timestamptz,
  UNIQUE (municipality_id, id),
  UNIQUE (municipality_id, file_number),
  FOREIGN KEY (municipality_id, district_id) REFERENCES districts (municipality_id, id),
  FOREIGN KEY (municipality_id, service_version_id) REFERENCES service_versions (municipality_id, id),
  FOREIGN KEY (municipality_id, parcel_id) REFERENCES parcels (municipality_id, id),
  FOREIGN KEY (municipality_id, filed_by_office_id) REFERENCES offices (municipality_id, id)
);
-- The staff queue: a district's open, submitted cases by deadline, read in index order (no sort of the district).
CREATE INDEX cases_queue_idx ON cases (municipality_id, district_id, deadline_at, id)
  WHERE closed_at IS NULL AND submitted_at IS NOT NULL;
CREATE INDEX cases_applicant_idx ON cases (municipality_id, applicant_national_id, created_at DESC);
CREATE INDEX cases_office_idx ON cases (filed_by_office_id, created_at DESC) WHERE filed_by_office_id IS NOT NULL;
CREATE INDEX cases_assignee_idx ON cases (assignee_user_id) WHERE closed_at IS NULL;

CREATE TABLE case_events (
  id bigserial PRIMARY KEY,
  municipality_id uuid NOT NULL,
  case_id uuid NOT NULL,
  at timestamptz NOT NULL,
  actor_kind text NOT NULL CHECK (actor_kind IN ('applicant', 'office', 'staff', 'system')),
  actor_role text,
  actor_user_id uuid,
  office_id uuid,
  action text NOT NULL,
  from_state text,
  to_state text,
  reason text,
  details jsonb NOT NULL DEFAULT '{}',
  FOREIGN KEY (municipality_id, case_id) REFERENCES cases (municipality_id, id)
);
CREATE INDEX case_events_case_idx ON case_events (case_id, id);

CREATE TABLE case_documents (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL,
  case_id uuid NOT NULL,
  requirement_code text NOT NULL,
  file_name text NOT NULL,
  content_type text NOT NULL,
  size_bytes integer NOT NULL,
  sha256 text NOT NULL,
  storage_key text NOT NULL,
  uploaded_by uuid NOT NULL,
  uploaded_at timestamptz NOT NULL DEFAULT now(),
  replaced_at timestamptz,
  FOREIGN KEY (municipality_id, case_id) REFERENCES cases (municipality_id, id)
);
CREATE INDEX case_documents_case_idx ON case_documents (case_id) WHERE replaced_at IS NULL;

CREATE TABLE case_counters (
  municipality_id uuid NOT NULL REFERENCES municipalities (id),
  scope text NOT NULL,
  last_serial bigint NOT NULL,
  PRIMARY KEY (municipality_id, scope)
);

CREATE TABLE notifications (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipalities (id),
  case_id uuid,
  recipient_user_id uuid,
  recipient_mobile text,
  channel text NOT NULL CHECK (channel IN ('sms', 'in_app')),
  body text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  sent_at timestamptz,
  read_at timestamptz,
  attempts integer NOT NULL DEFAULT 0,
  last_error text
);
CREATE INDEX notifications_recipient_idx ON notifications (recipient_user_id, created_at DESC);

-- Background jobs (deadline timers, SMS delivery): rows, so a timer set before a restart still fires after it.
CREATE TABLE jobs (
  id bigserial PRIMARY KEY,
  municipality_id uuid,
  kind text NOT NULL,
  run_at timestamptz NOT NULL,
  payload jsonb NOT NULL DEFAULT '{}',
  attempts integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  done_at timestamptz,
  last_error text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX jobs_due_idx ON jobs (run_at) WHERE done_at IS NULL;
