-- The statement-level check that a statement's new bills name existing parcels and tariffs (migration 0026, ADR 0014)
-- counts each municipality's named parcels in one index scan over an array of their keys, and looks for the missing
-- one only when the count falls short. Same guarantee and error; a probe per parcel (a LATERAL subquery each) cost
-- about twice as much for a 50,000-bill assessment chunk (bench/dues/RESULTS.md).
CREATE OR REPLACE FUNCTION bills_references_exist() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  missing text;
BEGIN
  PERFORM pg_advisory_xact_lock_shared(5026, hashtext(m::text))
    FROM (SELECT DISTINCT municipality_id AS m FROM new_bills ORDER BY 1) ms;
  IF EXISTS (
    SELECT 1 FROM (SELECT municipality_id, array_agg(DISTINCT parcel_id) AS ids FROM new_bills GROUP BY 1) w
    WHERE cardinality(w.ids)
      <> (SELECT count(*) FROM parcels p WHERE p.municipality_id = w.municipality_id AND p.id = ANY (w.ids))
  ) THEN
    SELECT 'parcel ' || w.parcel_id INTO missing
    FROM (SELECT DISTINCT municipality_id, parcel_id FROM new_bills) w
    WHERE NOT EXISTS (SELECT 1 FROM parcels p WHERE p.municipality_id = w.municipality_id AND p.id = w.parcel_id)
    ORDER BY 1 LIMIT 1;
  END IF;
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
