-- Referential checks of bills and ledger lines once per statement instead of once per row (ADR 0014).
-- An assessment writes a million bills and ledger lines; a row-level foreign key runs one lookup and takes one row
-- lock (a write to the referenced row's page) per row and per reference, which cost more than writing the rows
-- (bench/dues/RESULTS.md). The same guarantees hold:
-- - a statement's new bills are checked together (one probe per distinct parcel, no row locks);
-- - the referenced side refuses to delete or re-key a parcel or tariff while bills name it;
-- - the race a foreign key's row lock prevents (a parcel deleted while a bill naming it is being written) is closed
--   by a per-municipality advisory lock: writers of bills hold it shared from their check to their commit, a delete
--   holds it exclusively from its check to its commit, and each check reads a fresh snapshot (READ COMMITTED, the
--   application's isolation level), so one of the two always sees the other's committed work and fails;
-- - a bill's municipality, parcel and tariff never change.
-- Advisory locks with two int4 keys do not overlap the one-bigint keys used elsewhere; 5026 names this guard.

ALTER TABLE bills DROP CONSTRAINT bills_municipality_id_parcel_id_fkey;
ALTER TABLE bills DROP CONSTRAINT bills_municipality_id_tariff_id_fkey;
ALTER TABLE ledger_lines DROP CONSTRAINT ledger_lines_entry_id_fkey;

CREATE FUNCTION bills_references_exist() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  missing text;
BEGIN
  PERFORM pg_advisory_xact_lock_shared(5026, hashtext(m::text))
    FROM (SELECT DISTINCT municipality_id AS m FROM new_bills ORDER BY 1) ms;
  -- One index probe per parcel (LIMIT keeps each LATERAL a probe): the new bills are a small part of the table,
  -- and a hash join would read all of it for each statement.
  SELECT 'parcel ' || w.parcel_id INTO missing
  FROM (SELECT DISTINCT municipality_id, parcel_id FROM new_bills ORDER BY 1, 2) w
  LEFT JOIN LATERAL (SELECT true AS found FROM parcels p WHERE p.municipality_id = w.municipality_id
    AND p.id = w.parcel_id LIMIT 1) probe ON true
  WHERE probe.found IS NULL LIMIT 1;
  IF missing IS NULL THEN
    SELECT 'tariff ' || w.tariff_id INTO missing
    FROM (SELECT DISTINCT municipality_id, tariff_id FROM new_bills) w
    WHERE NOT EXISTS (SELECT 1 FROM dues_tariffs t WHERE t.municipality_id = w.municipality_id AND t.id = w.tariff_id)
    LIMIT 1;
  END IF;
  IF missing IS NOT NULL THEN
    RAISE EXCEPTION 'a bill names % that does not exist in its municipality', missing
      USING ERRCODE = 'foreign_key_violation', TABLE = 'bills';
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER bills_references_exist AFTER INSERT ON bills
  REFERENCING NEW TABLE AS new_bills FOR EACH STATEMENT EXECUTE FUNCTION bills_references_exist();

-- What a bill was assessed for is history: its municipality, parcel and tariff never change.
CREATE FUNCTION bills_refuse_reference_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'a bill''s municipality, parcel and tariff cannot change'
    USING ERRCODE = 'foreign_key_violation', TABLE = 'bills';
END $$;
CREATE TRIGGER bills_refuse_reference_change BEFORE UPDATE OF municipality_id, parcel_id, tariff_id ON bills
  FOR EACH ROW WHEN (NEW.municipality_id IS DISTINCT FROM OLD.municipality_id
    OR NEW.parcel_id IS DISTINCT FROM OLD.parcel_id OR NEW.tariff_id IS DISTINCT FROM OLD.tariff_id)
  EXECUTE FUNCTION bills_refuse_reference_change();

-- The referenced side: a parcel or tariff that bills name is not deleted or re-keyed.
CREATE FUNCTION bills_referenced_keep() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  named boolean;
BEGIN
  IF TG_OP = 'UPDATE' AND NEW.id = OLD.id AND NEW.municipality_id = OLD.municipality_id THEN
    RETURN NEW;
  END IF;
  PERFORM pg_advisory_xact_lock(5026, hashtext(OLD.municipality_id::text));
  IF TG_TABLE_NAME = 'parcels' THEN
    named := EXISTS (SELECT 1 FROM bills b WHERE b.municipality_id = OLD.municipality_id AND b.parcel_id = OLD.id);
  ELSE
    named := EXISTS (SELECT 1 FROM bills b WHERE b.municipality_id = OLD.municipality_id AND b.tariff_id = OLD.id);
  END IF;
  IF named THEN
    RAISE EXCEPTION '% % is named by bills', TG_TABLE_NAME, OLD.id
      USING ERRCODE = 'foreign_key_violation', TABLE = TG_TABLE_NAME;
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER parcels_keep_billed BEFORE DELETE OR UPDATE OF id, municipality_id ON parcels
  FOR EACH ROW EXECUTE FUNCTION bills_referenced_keep();
CREATE TRIGGER dues_tariffs_keep_billed BEFORE DELETE OR UPDATE OF id, municipality_id ON dues_tariffs
  FOR EACH ROW EXECUTE FUNCTION bills_referenced_keep();

-- Ledger lines: the entry must exist. Entries are append-only (UPDATE and DELETE refused), so checking once when the
-- lines are written is the whole guarantee; it joins the balance check that already reads every statement's lines.
CREATE OR REPLACE FUNCTION ledger_lines_balanced() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  unbalanced bigint;
  missing bigint;
BEGIN
  SELECT entry_id INTO unbalanced FROM new_lines GROUP BY entry_id HAVING sum(amount_rials) <> 0 LIMIT 1;
  IF unbalanced IS NOT NULL THEN
    RAISE EXCEPTION 'ledger entry % does not balance', unbalanced USING ERRCODE = 'check_violation';
  END IF;
  SELECT l.entry_id INTO missing FROM (SELECT DISTINCT entry_id FROM new_lines) l
    WHERE NOT EXISTS (SELECT 1 FROM ledger_entries e WHERE e.id = l.entry_id) LIMIT 1;
  IF missing IS NOT NULL THEN
    RAISE EXCEPTION 'ledger entry % does not exist', missing
      USING ERRCODE = 'foreign_key_violation', TABLE = 'ledger_lines';
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER ledger_entries_no_truncate BEFORE TRUNCATE ON ledger_entries
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();
