-- Core tenancy, accounts, parcels and owners. Every row that belongs to a municipality carries municipality_id;
-- composite foreign keys (municipality_id, id) make a cross-tenant link impossible at the database level.

CREATE TABLE municipalities (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code text NOT NULL UNIQUE CHECK (code ~ '^[a-z0-9-]{2,40}$'),
  name_fa text NOT NULL,
  name_en text NOT NULL,
  name_vi text NOT NULL,
  timezone text NOT NULL DEFAULT 'Asia/Tehran',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE districts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipalities (id),
  number integer NOT NULL CHECK (number BETWEEN 1 AND 99),
  name_fa text NOT NULL,
  name_en text NOT NULL,
  name_vi text NOT NULL,
  boundary jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (municipality_id, number),
  UNIQUE (municipality_id, id)
);

CREATE TABLE offices (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipalities (id),
  kind text NOT NULL CHECK (kind IN ('notary', 'counter', 'e_service', 'kiosk', 'bank')),
  name text NOT NULL,
  license_no text NOT NULL,
  district_id uuid,
  is_active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (municipality_id, id),
  UNIQUE (municipality_id, license_no),
  FOREIGN KEY (municipality_id, district_id) REFERENCES districts (municipality_id, id)
);

CREATE TABLE users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipalities (id),
  kind text NOT NULL CHECK (kind IN ('citizen', 'staff', 'office_operator')),
  username text,
  password_hash text,
  national_id text,
  mobile text,
  full_name text NOT NULL,
  roles text[] NOT NULL DEFAULT '{}',
  district_id uuid,
  office_id uuid,
  locale text NOT NULL DEFAULT 'fa' CHECK (locale IN ('fa', 'en', 'vi')),
  is_active boolean NOT NULL DEFAULT true,
  failed_logins integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  last_login_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (municipality_id, id),
  FOREIGN KEY (municipality_id, district_id) REFERENCES districts (municipality_id, id),
  FOREIGN KEY (municipality_id, office_id) REFERENCES offices (municipality_id, id),
  CHECK (kind = 'citizen' OR (username IS NOT NULL AND password_hash IS NOT NULL)),
  CHECK (kind <> 'citizen' OR (national_id IS NOT NULL AND mobile IS NOT NULL)),
  CHECK (kind <> 'office_operator' OR office_id IS NOT NULL)
);
CREATE UNIQUE INDEX users_username_key ON users (municipality_id, lower(username)) WHERE username IS NOT NULL;
CREATE UNIQUE INDEX users_citizen_national_id_key ON users (municipality_id, national_id) WHERE kind = 'citizen';

CREATE TABLE api_clients (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipalities (id),
  client_id text NOT NULL UNIQUE,
  name text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('bank', 'notary', 'utility', 'agency')),
  scopes text[] NOT NULL DEFAULT '{}',
  secret_hash text NOT NULL,
  secret_version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  rotated_at timestamptz,
  revoked_at timestamptz,
  last_used_at timestamptz,
  UNIQUE (municipality_id, id)
);

CREATE TABLE sessions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL,
  user_id uuid NOT NULL,
  token_hash text NOT NULL UNIQUE,
  csrf_token text NOT NULL,
  ip text,
  user_agent text,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz,
  FOREIGN KEY (municipality_id, user_id) REFERENCES users (municipality_id, id)
);
CREATE INDEX sessions_user_idx ON sessions (user_id) WHERE revoked_at IS NULL;

CREATE TABLE otp_challenges (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipalities (id),
  national_id text NOT NULL,
  mobile text NOT NULL,
  code_hash text NOT NULL,
  attempts integer NOT NULL DEFAULT 0,
  ip text,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  consumed_at timestamptz
);
CREATE INDEX otp_challenges_lookup_idx ON otp_challenges (municipality_id, mobile, created_at DESC);

CREATE TABLE owners (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipalities (id),
  kind text NOT NULL CHECK (kind IN ('person', 'legal')),
  national_id text NOT NULL,
  name text NOT NULL,
  mobile text,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (municipality_id, id),
  UNIQUE (municipality_id, national_id),
  CHECK ((kind = 'person' AND national_id ~ '^[0-9]{10}$') OR (kind = 'legal' AND national_id ~ '^[0-9]{11}$'))
);

CREATE TABLE parcels (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipalities (id),
  district_id uuid NOT NULL,
  renewal_code text NOT NULL,
  registration_section integer NOT NULL CHECK (registration_section > 0),
  main_plate integer NOT NULL CHECK (main_plate > 0),
  sub_plates integer[] NOT NULL DEFAULT '{}',
  unit_no integer,
  postal_code text CHECK (postal_code ~ '^[0-9]{10}$'),
  address text,
  land_area_m2 numeric(12, 2) NOT NULL CHECK (land_area_m2 > 0),
  built_area_m2 numeric(12, 2) NOT NULL DEFAULT 0 CHECK (built_area_m2 >= 0),
  land_use text NOT NULL,
  geometry jsonb NOT NULL,
  centroid_lng double precision NOT NULL,
  centroid_lat double precision NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (municipality_id, id),
  UNIQUE (municipality_id, renewal_code),
  FOREIGN KEY (municipality_id, district_id) REFERENCES districts (municipality_id, id)
);
CREATE INDEX parcels_postal_code_idx ON parcels (municipality_id, postal_code);
CREATE INDEX parcels_plate_idx ON parcels (municipality_id, registration_section, main_plate);
CREATE INDEX parcels_district_idx ON parcels (municipality_id, district_id);

CREATE TABLE ownerships (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL,
  parcel_id uuid NOT NULL,
  owner_id uuid NOT NULL,
  share_num integer NOT NULL,
  share_den integer NOT NULL,
  since date,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (parcel_id, owner_id),
  CHECK (share_den > 0 AND share_num > 0 AND share_num <= share_den),
  FOREIGN KEY (municipality_id, parcel_id) REFERENCES parcels (municipality_id, id),
  FOREIGN KEY (municipality_id, owner_id) REFERENCES owners (municipality_id, id)
);
CREATE INDEX ownerships_owner_idx ON ownerships (owner_id);

CREATE TABLE settings (
  key text PRIMARY KEY,
  value jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
