-- Signed webhooks (issue 6, part): an API client registers one callback URL; events about its requests (an
-- inquiry decided, …) are delivered there as Standard Webhooks POSTs, retried with back-off (ADR 0015).

CREATE TABLE webhook_endpoints (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipalities (id),
  api_client_id uuid NOT NULL UNIQUE,
  url text NOT NULL CHECK (url ~ '^https?://'),
  -- The signing secret ("whsec_…"), AES-256-GCM under CERTIFICATE_KEY_SECRET ("aes256gcm:…"), or "plain:…"
  -- where no secret is configured (development). It must be readable: the server signs with it.
  secret text NOT NULL,
  secret_version integer NOT NULL DEFAULT 1,
  enabled boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  rotated_at timestamptz,
  UNIQUE (municipality_id, id),
  FOREIGN KEY (municipality_id, api_client_id) REFERENCES api_clients (municipality_id, id)
);

-- One row per event for one client: the queue of deliveries (claimed with a lease, so a crash mid-send is
-- retried) and their history. The payload is the JSON body, sent byte for byte the same on every attempt.
CREATE TABLE webhook_deliveries (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipalities (id),
  api_client_id uuid NOT NULL,
  event_id text NOT NULL UNIQUE,
  type text NOT NULL,
  payload jsonb NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed')),
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz,
  locked_until timestamptz,
  last_attempt_at timestamptz,
  last_status integer,
  last_error text,
  delivered_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (municipality_id, id),
  FOREIGN KEY (municipality_id, api_client_id) REFERENCES api_clients (municipality_id, id)
);
CREATE INDEX webhook_deliveries_due_idx ON webhook_deliveries (next_attempt_at) WHERE status = 'pending';
CREATE INDEX webhook_deliveries_client_idx ON webhook_deliveries (api_client_id, created_at DESC);
