-- Assessment chunks that several workers bill at once (ADR 0016).
-- A worker claims a chunk in a short committed transaction: the next range of the parcels table's blocks and a range
-- of bill serials reserved for it from the municipality's counter. It then bills the chunk in a transaction of its
-- own that holds the chunk's row locked until it commits, and marks it done. A chunk still `claimed` whose row is not
-- locked belongs to a worker that died: any worker takes it over and bills it with the same serials.
CREATE TABLE dues_assessment_chunks (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  run_id uuid NOT NULL REFERENCES dues_assessment_runs (id),
  first_block integer NOT NULL CHECK (first_block >= 0),
  end_block integer NOT NULL CHECK (end_block > first_block),
  -- Serials first_serial … first_serial + serials - 1 are this chunk's, whoever bills it.
  first_serial bigint NOT NULL CHECK (first_serial >= 1),
  serials integer NOT NULL CHECK (serials >= 0 AND first_serial + serials <= 100000000),
  state text NOT NULL CHECK (state IN ('claimed', 'done')),
  scanned integer,
  created integer,
  claimed_at timestamptz NOT NULL DEFAULT now(),
  done_at timestamptz
);
CREATE INDEX dues_assessment_chunks_claimed_idx ON dues_assessment_chunks (run_id, id) WHERE state = 'claimed';
