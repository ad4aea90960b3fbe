-- Append-only, hash-chained audit log: one chain per municipality. Each row's hash covers its content and the
-- previous row's hash, and audit_heads remembers the newest link, so an edited, deleted or truncated row is
-- detected by `npm run cli -- audit verify`. The trigger refuses ordinary UPDATE and DELETE.

CREATE TABLE audit_log (
  id bigserial PRIMARY KEY,
  municipality_id uuid NOT NULL REFERENCES municipalities (id),
  seq bigint NOT NULL,
  at timestamptz NOT NULL,
  actor_kind text NOT NULL CHECK (actor_kind IN ('user', 'office', 'api_client', 'system', 'anonymous')),
  actor_id uuid,
  office_id uuid,
  api_client_id uuid,
  ip text,
  action text NOT NULL,
  entity_type text NOT NULL,
  entity_id text,
  details jsonb NOT NULL DEFAULT '{}',
  prev_hash text NOT NULL,
  hash text NOT NULL,
  UNIQUE (municipality_id, seq)
);
CREATE INDEX audit_log_entity_idx ON audit_log (municipality_id, entity_type, entity_id);

CREATE TABLE audit_heads (
  municipality_id uuid PRIMARY KEY REFERENCES municipalities (id),
  seq bigint NOT NULL,
  hash text NOT NULL
);

CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
