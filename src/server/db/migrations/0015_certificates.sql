-- Certificates (issue 6): one table for every kind (inquiry response, clearance, building permit, completion),
-- signed with the municipality's Ed25519 key. Keys are never deleted: a retired key stays published so the
-- certificates it signed still verify.

CREATE TABLE certificate_signing_keys (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipalities (id),
  kid text NOT NULL UNIQUE,
  public_jwk jsonb NOT NULL,
  -- PKCS#8, AES-256-GCM under CERTIFICATE_KEY_SECRET ("aes256gcm:…"), or "plain:…" where no secret is configured.
  private_key text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid,
  retired_at timestamptz,
  UNIQUE (municipality_id, id)
);
-- One current key per municipality.
CREATE UNIQUE INDEX certificate_signing_keys_current_key ON certificate_signing_keys (municipality_id)
  WHERE retired_at IS NULL;

-- Serials per municipality and Jalali year.
CREATE TABLE certificate_counters (
  municipality_id uuid NOT NULL REFERENCES municipalities (id),
  year integer NOT NULL,
  last_serial bigint NOT NULL,
  PRIMARY KEY (municipality_id, year)
);

CREATE TABLE certificates (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipalities (id),
  number text NOT NULL UNIQUE,
  kind text NOT NULL CHECK (kind IN ('inquiry_response', 'clearance', 'building_permit', 'completion')),
  parcel_id uuid NOT NULL,
  district_id uuid NOT NULL,
  case_id uuid,
  purpose text,
  parcel jsonb NOT NULL,
  owners jsonb NOT NULL,
  findings jsonb NOT NULL,
  outcome text NOT NULL CHECK (outcome IN ('no_objection', 'conditional', 'refused')),
  reasons jsonb NOT NULL DEFAULT '[]',
  requester jsonb,
  requester_user_id uuid,
  requester_office_id uuid,
  requester_api_client_id uuid,
  issued_at timestamptz NOT NULL,
  valid_until timestamptz NOT NULL,
  issued_by_user_id uuid,
  signing_key_id uuid NOT NULL,
  -- The canonical signed content (all of the above that a reader relies on), its SHA-256, and the QR's compact JWS.
  content jsonb NOT NULL,
  content_hash text NOT NULL,
  token text NOT NULL,
  status text NOT NULL DEFAULT 'valid' CHECK (status IN ('valid', 'revoked')),
  revoked_at timestamptz,
  revoked_by_user_id uuid,
  revocation_reason text,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (municipality_id, id),
  CHECK (valid_until > issued_at),
  CHECK (outcome = 'no_objection' OR jsonb_array_length(reasons) > 0),
  CHECK ((status = 'revoked') = (revoked_at IS NOT NULL AND revocation_reason IS NOT NULL)),
  FOREIGN KEY (municipality_id, parcel_id) REFERENCES parcels (municipality_id, id),
  FOREIGN KEY (municipality_id, district_id) REFERENCES districts (municipality_id, id),
  FOREIGN KEY (municipality_id, case_id) REFERENCES cases (municipality_id, id),
  FOREIGN KEY (municipality_id, signing_key_id) REFERENCES certificate_signing_keys (municipality_id, id)
);
CREATE INDEX certificates_parcel_idx ON certificates (municipality_id, parcel_id, kind, issued_at DESC);
CREATE INDEX certificates_case_idx ON certificates (municipality_id, case_id) WHERE case_id IS NOT NULL;
