-- Two per-bill costs of the assessment that only payments need (ADR 0014, amended; bench/dues/RESULTS.md):
-- - the unique index bills (municipality_id, id) existed only as the target of payment_items' composite foreign key;
--   every assessed bill paid for one more index entry;
-- - the foreign key bills (municipality_id, paid_by_payment_id) → payments queued a (no-op) check per inserted bill.
-- Both references are now checked by row triggers, with the same row lock a foreign key takes on the referenced row
-- (FOR KEY SHARE, so a concurrent delete of it waits and then finds the reference) and the same refusals (23503). A
-- payment has a handful of items, and a bill names a payment only once paid: one check each, where they happen.

ALTER TABLE payment_items DROP CONSTRAINT payment_items_municipality_id_bill_id_fkey;
ALTER TABLE bills DROP CONSTRAINT bills_municipality_id_id_key;
ALTER TABLE bills DROP CONSTRAINT bills_municipality_id_paid_by_payment_id_fkey;

-- A payment item names a bill of its municipality.
CREATE FUNCTION payment_items_bill_exists() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM bills b WHERE b.id = NEW.bill_id AND b.municipality_id = NEW.municipality_id FOR KEY SHARE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'a payment item names bill % that does not exist in its municipality', NEW.bill_id
      USING ERRCODE = 'foreign_key_violation', TABLE = 'payment_items';
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER payment_items_bill_exists AFTER INSERT OR UPDATE OF bill_id, municipality_id ON payment_items
  FOR EACH ROW EXECUTE FUNCTION payment_items_bill_exists();

-- A paid bill names a payment of its municipality; an unpaid one (every assessed bill) queues no check at all.
CREATE FUNCTION bills_payment_exists() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM payments p WHERE p.id = NEW.paid_by_payment_id AND p.municipality_id = NEW.municipality_id
    FOR KEY SHARE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'bill % names payment % that does not exist in its municipality', NEW.id, NEW.paid_by_payment_id
      USING ERRCODE = 'foreign_key_violation', TABLE = 'bills';
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER bills_payment_exists AFTER INSERT OR UPDATE OF paid_by_payment_id, municipality_id ON bills
  FOR EACH ROW WHEN (NEW.paid_by_payment_id IS NOT NULL) EXECUTE FUNCTION bills_payment_exists();

-- The referenced side, as a foreign key's NO ACTION: a bill named by payment items, or a payment named by a bill, is
-- not deleted or re-keyed. (Neither is ever deleted by the application.)
CREATE FUNCTION payment_references_keep() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  named boolean;
BEGIN
  IF TG_OP = 'UPDATE' AND NEW.id = OLD.id AND NEW.municipality_id = OLD.municipality_id THEN
    RETURN NEW;
  END IF;
  IF TG_TABLE_NAME = 'bills' THEN
    named := EXISTS (SELECT 1 FROM payment_items i WHERE i.bill_id = OLD.id);
  ELSE
    named := EXISTS (SELECT 1 FROM bills b WHERE b.paid_by_payment_id = OLD.id);
  END IF;
  IF named THEN
    RAISE EXCEPTION '% % is named by %', TG_TABLE_NAME, OLD.id,
      CASE TG_TABLE_NAME WHEN 'bills' THEN 'payment items' ELSE 'bills' END
      USING ERRCODE = 'foreign_key_violation', TABLE = TG_TABLE_NAME;
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER bills_keep_paid BEFORE DELETE OR UPDATE OF id, municipality_id ON bills
  FOR EACH ROW EXECUTE FUNCTION payment_references_keep();
CREATE TRIGGER payments_keep_named BEFORE DELETE OR UPDATE OF id, municipality_id ON payments
  FOR EACH ROW EXECUTE FUNCTION payment_references_keep();
