-- Hand-written (not generated; Prisma does not model triggers, so no drift): the append-only
-- tables refuse TRUNCATE as well, for every role including the owner, and the per-year totals the
-- export decides from are written by the ledger's trigger only.
--
-- Test suites reset their databases with TRUNCATE under `session_replication_role = replica`,
-- which skips ordinary triggers and which only a superuser may set: the portal's own role cannot.

CREATE FUNCTION "refuse_truncate"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: TRUNCATE is not allowed', TG_TABLE_NAME
    USING HINT = 'Record a compensating entry instead of removing rows.';
END;
$$;

CREATE TRIGGER "CreditEntry_no_truncate"
BEFORE TRUNCATE ON "CreditEntry"
FOR EACH STATEMENT EXECUTE FUNCTION "refuse_truncate"();

CREATE TRIGGER "AuditLog_no_truncate"
BEFORE TRUNCATE ON "AuditLog"
FOR EACH STATEMENT EXECUTE FUNCTION "refuse_truncate"();

CREATE TRIGGER "ExportRow_no_truncate"
BEFORE TRUNCATE ON "ExportRow"
FOR EACH STATEMENT EXECUTE FUNCTION "refuse_truncate"();

-- CreditYearTotal is the ledger summed per learner-year (credit_year_totals_add, a trigger on
-- CreditEntry). A statement run directly on it (trigger depth 0) is refused: only the ledger's
-- trigger, one level deep, writes it.
CREATE FUNCTION "credit_year_totals_from_ledger_only"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF pg_trigger_depth() < 2 THEN
    RAISE EXCEPTION 'CreditYearTotal is derived from the ledger: % is not allowed', TG_OP
      USING HINT = 'Insert a CreditEntry; its trigger updates the totals.';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END;
$$;

CREATE TRIGGER "CreditYearTotal_from_ledger_only"
BEFORE INSERT OR UPDATE OR DELETE ON "CreditYearTotal"
FOR EACH ROW EXECUTE FUNCTION "credit_year_totals_from_ledger_only"();

CREATE TRIGGER "CreditYearTotal_no_truncate"
BEFORE TRUNCATE ON "CreditYearTotal"
FOR EACH STATEMENT EXECUTE FUNCTION "refuse_truncate"();
