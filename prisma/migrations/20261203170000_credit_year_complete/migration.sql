-- Hand-written (Prisma does not model functions, so no drift): "a year is complete" for the SQL
-- that judges many learner-years at once (the completion review, the provincial export), one
-- definition instead of a copy in each query. The TypeScript definition is isYearComplete in
-- src/domain/credits/summary.ts (the pages use it); tests/integration/credit-year-complete.test.ts
-- holds the two equal, at the thresholds and on random ledgers.
--
-- Complete: the year's total credits (专业科目 and 公需科目 together, reversals netted) reach the
-- policy row's required total, and its professional credits its required professional credits.
-- 公需科目 count toward the total only, without limit: beyond required_total -
-- required_professional they cannot make up for missing professional credits. The caller passes
-- the policy row in force that year (pickPolicyRow). A NULL count (a learner without a totals
-- row: no credits) is not complete, so NOT credit_year_complete(...) means "incomplete".
--
-- A plain SQL expression, IMMUTABLE and not STRICT, so the planner inlines it into the calling
-- query: the comparisons stay on the columns themselves, with their statistics, as when they
-- were written out. PARALLEL SAFE, or a query naming it could not run in parallel at all.
-- Executable by PUBLIC, as every new function: the runtime role (scripts/db/app-role.ts) needs
-- nothing more.
CREATE FUNCTION "credit_year_complete"(
  total_credits integer,
  professional_credits integer,
  required_total integer,
  required_professional integer
) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
  SELECT total_credits IS NOT NULL AND professional_credits IS NOT NULL
     AND total_credits >= required_total AND professional_credits >= required_professional
$$;
