-- Hand-written (Prisma does not model functions, so no drift): the ledger's trigger writes the
-- per-year totals with its owner's rights, so that the portal's runtime role (scripts/db/
-- app-role.ts) needs no write grant on CreditYearTotal at all. The guard of the totals
-- (credit_year_totals_from_ledger_only) still refuses any write made outside the trigger.
ALTER FUNCTION "credit_year_totals_add"() SECURITY DEFINER SET search_path = public, pg_temp;
ALTER FUNCTION "credit_year_totals_clear"() SECURITY DEFINER SET search_path = public, pg_temp;
