-- Issue 17, item 3: the completion review reads maintained counts (ADR 0026).

CREATE TYPE "CompletionCountKind" AS ENUM ('REGISTERED', 'ACTIVE_YEAR', 'COMPLETE', 'IN_PROGRESS');

CREATE TABLE "CompletionCount" (
    "districtId" INTEGER NOT NULL,
    "kind" "CompletionCountKind" NOT NULL,
    "year" INTEGER NOT NULL,
    "learners" INTEGER NOT NULL,
    CONSTRAINT "CompletionCount_pkey" PRIMARY KEY ("districtId","kind","year")
);

CREATE TABLE "CompletionCountDelta" (
    "id" BIGSERIAL NOT NULL,
    "districtId" INTEGER NOT NULL,
    "kind" "CompletionCountKind" NOT NULL,
    "year" INTEGER NOT NULL,
    "learners" INTEGER NOT NULL,
    CONSTRAINT "CompletionCountDelta_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "CompletionLearner" (
    "learnerId" TEXT NOT NULL,
    "districtId" INTEGER NOT NULL,
    "startYear" INTEGER NOT NULL,
    "counted" BOOLEAN NOT NULL,
    "activeYear" INTEGER NOT NULL,
    CONSTRAINT "CompletionLearner_pkey" PRIMARY KEY ("learnerId")
);

-- Hand-written (Prisma does not model functions or triggers, so no drift). Counted per district,
-- for each ACTIVE learner: REGISTERED at its start year (registered in Y: the sum over years <=
-- Y); ACTIVE_YEAR at its first incomplete obligation year from GREATEST(startYear, 2018) (补学
-- today: the sum over years before the current one, so nothing stored depends on the date);
-- COMPLETE / IN_PROGRESS at each year from GREATEST(startYear, 2018) its totals complete
-- (credit_year_complete, policy row in force) or hold credits in. Triggers only INSERT changes
-- into CompletionCountDelta (no shared counter row to wait on); completion_counts_fold moves
-- them into CompletionCount; readers sum both. Helpers are PL/pgSQL: their plans are cached
-- per session, where a SQL function that is not inlined is planned again at every call.

-- The policy row in force for each year from 2018 to the last with totals: the latest starting
-- on or before it, else the first (pickPolicyRow in src/domain/credits/policy.ts).
CREATE FUNCTION "completion_rules"() RETURNS TABLE ("year" INTEGER, required_total INTEGER, required_professional INTEGER)
LANGUAGE sql STABLE AS $$
  SELECT y, p."requiredTotal", p."requiredProfessional"
  FROM generate_series(2018, GREATEST(2018, (SELECT MAX("year") FROM "CreditYearTotal"))) y
  CROSS JOIN LATERAL (SELECT * FROM "CreditPolicy" ORDER BY ("fromYear" <= y) DESC,
    CASE WHEN "fromYear" <= y THEN -"fromYear" ELSE "fromYear" END LIMIT 1) p
$$;

-- COMPLETE, IN_PROGRESS or NULL (no net credits) for one learner-year's totals, under the
-- policy row in force that year (the same choice as completion_rules).
CREATE FUNCTION "completion_year_state"(p_year INTEGER, p_total INTEGER, p_professional INTEGER)
RETURNS "CompletionCountKind"
LANGUAGE plpgsql STABLE AS $$
DECLARE required_total INTEGER; required_professional INTEGER;
BEGIN
  SELECT "requiredTotal", "requiredProfessional" INTO required_total, required_professional
  FROM "CreditPolicy"
  ORDER BY ("fromYear" <= p_year) DESC, CASE WHEN "fromYear" <= p_year THEN -"fromYear" ELSE "fromYear" END
  LIMIT 1;
  RETURN CASE WHEN credit_year_complete(p_total, p_professional, required_total, required_professional) THEN 'COMPLETE'
              WHEN p_total > 0 THEN 'IN_PROGRESS' END;
END;
$$;

-- Adds `sign` times everything the learners `ids` contribute, as CompletionLearner records them
-- (district, start year, counted, active year) with their totals as they are now.
CREATE FUNCTION "completion_count_learners"(ids TEXT[], sign INTEGER) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "CompletionCountDelta" ("districtId", "kind", "year", "learners")
  SELECT c."districtId", c.kind, c."year", sign * COUNT(*)::int FROM (
    SELECT s."districtId", 'REGISTERED'::"CompletionCountKind" AS kind, s."startYear" AS "year"
    FROM "CompletionLearner" s WHERE s."learnerId" = ANY (ids) AND s."counted"
    UNION ALL
    SELECT s."districtId", 'ACTIVE_YEAR'::"CompletionCountKind", s."activeYear"
    FROM "CompletionLearner" s WHERE s."learnerId" = ANY (ids) AND s."counted"
    UNION ALL
    SELECT s."districtId", "completion_year_state"(t."year", t."totalCredits", t."professionalCredits"), t."year"
    FROM "CompletionLearner" s JOIN "CreditYearTotal" t ON t."learnerId" = s."learnerId"
    WHERE s."learnerId" = ANY (ids) AND s."counted" AND t."year" >= GREATEST(s."startYear", 2018)
  ) c
  WHERE c.kind IS NOT NULL
  GROUP BY 1, 2, 3;
END;
$$;

-- Recomputes the learners' active year (the start plus the unbroken run of complete years from
-- it) from their totals as they are now; moves the ACTIVE_YEAR counts too when `with_counts`.
CREATE FUNCTION "completion_refresh_active_years"(ids TEXT[], with_counts BOOLEAN) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  WITH learners AS MATERIALIZED (
    SELECT s."learnerId", s."startYear", s."activeYear" FROM "CompletionLearner" s WHERE s."learnerId" = ANY (ids)
  ), done AS (
    SELECT s."learnerId",
           t."year" - row_number() OVER (PARTITION BY s."learnerId" ORDER BY t."year") - GREATEST(s."startYear", 2018) + 1 AS gap
    FROM learners s JOIN "CreditYearTotal" t ON t."learnerId" = s."learnerId"
    WHERE t."year" >= GREATEST(s."startYear", 2018)
      AND "completion_year_state"(t."year", t."totalCredits", t."professionalCredits") = 'COMPLETE'
  ), run AS (
    SELECT "learnerId", COUNT(*)::int AS years FROM done WHERE gap = 0 GROUP BY "learnerId"
  ), computed AS (
    SELECT s."learnerId", s."activeYear" AS was, GREATEST(s."startYear", 2018) + COALESCE(run.years, 0) AS now
    FROM learners s LEFT JOIN run ON run."learnerId" = s."learnerId"
  ), moved AS (
    UPDATE "CompletionLearner" s SET "activeYear" = c.now
    FROM computed c WHERE s."learnerId" = c."learnerId" AND c.now <> c.was
    RETURNING s."districtId", s."counted", c.was, c.now
  )
  INSERT INTO "CompletionCountDelta" ("districtId", "kind", "year", "learners")
  SELECT m."districtId", 'ACTIVE_YEAR', v."year", SUM(v.sign)::int
  FROM moved m CROSS JOIN LATERAL (VALUES (m.was, -1), (m.now, 1)) v ("year", sign)
  WHERE with_counts AND m."counted"
  GROUP BY 1, 3 HAVING SUM(v.sign) <> 0;
END;
$$;

-- Recounts everything: the backfill below, a policy change, and after a bulk load made with
-- triggers off (session_replication_role = replica). The owner's only (REVOKE below).
CREATE FUNCTION "completion_counts_rebuild"() RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  -- Writers wait (their deltas apply after this recount, which does not see them); readers do not.
  LOCK TABLE "CompletionLearner", "CompletionCount", "CompletionCountDelta" IN EXCLUSIVE MODE;
  DELETE FROM "CompletionCountDelta"; DELETE FROM "CompletionCount"; DELETE FROM "CompletionLearner";
  INSERT INTO "CompletionLearner" ("learnerId", "districtId", "startYear", "counted", "activeYear")
  WITH done AS (
    SELECT t."learnerId",
           t."year" - row_number() OVER (PARTITION BY t."learnerId" ORDER BY t."year") - GREATEST(l."startYear", 2018) + 1 AS gap
    FROM "CreditYearTotal" t JOIN "completion_rules"() r ON r."year" = t."year" JOIN "Learner" l ON l."id" = t."learnerId"
    WHERE t."year" >= GREATEST(l."startYear", 2018)
      AND credit_year_complete(t."totalCredits", t."professionalCredits", r.required_total, r.required_professional)
  ), run AS (
    SELECT "learnerId", COUNT(*)::int AS years FROM done WHERE gap = 0 GROUP BY "learnerId"
  )
  SELECT l."id", l."districtId", l."startYear", l."status" = 'ACTIVE', GREATEST(l."startYear", 2018) + COALESCE(run.years, 0)
  FROM "Learner" l LEFT JOIN run ON run."learnerId" = l."id";

  INSERT INTO "CompletionCount" ("districtId", "kind", "year", "learners")
  SELECT "districtId", kind, "year", COUNT(*)::int FROM (
    SELECT s."districtId", 'REGISTERED'::"CompletionCountKind" AS kind, s."startYear" AS "year"
    FROM "CompletionLearner" s WHERE s."counted"
    UNION ALL
    SELECT s."districtId", 'ACTIVE_YEAR'::"CompletionCountKind", s."activeYear"
    FROM "CompletionLearner" s WHERE s."counted"
    UNION ALL
    SELECT s."districtId", CASE WHEN credit_year_complete(t."totalCredits", t."professionalCredits", r.required_total,
           r.required_professional) THEN 'COMPLETE'::"CompletionCountKind" ELSE 'IN_PROGRESS'::"CompletionCountKind" END, t."year"
    FROM "CreditYearTotal" t JOIN "completion_rules"() r ON r."year" = t."year"
    JOIN "CompletionLearner" s ON s."learnerId" = t."learnerId"
    WHERE s."counted" AND t."year" >= GREATEST(s."startYear", 2018)
      AND (t."totalCredits" > 0 OR credit_year_complete(t."totalCredits", t."professionalCredits", r.required_total, r.required_professional))
  ) c
  GROUP BY "districtId", kind, "year";
END;
$$;
REVOKE EXECUTE ON FUNCTION "completion_counts_rebuild"() FROM PUBLIC;

-- Moves the committed deltas into CompletionCount in one transaction (a reader sees each in one
-- table or the other). Called by the review before it reads, one caller at a time (others skip);
-- it only sums what triggers wrote, so the portal's role may call it.
CREATE FUNCTION "completion_counts_fold"() RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE folded INTEGER;
BEGIN
  IF NOT pg_try_advisory_xact_lock(2026120412) THEN RETURN 0; END IF;
  WITH moved AS (
    DELETE FROM "CompletionCountDelta" RETURNING "districtId", "kind", "year", "learners"
  )
  INSERT INTO "CompletionCount" ("districtId", "kind", "year", "learners")
  SELECT "districtId", "kind", "year", SUM("learners")::int FROM moved
  GROUP BY "districtId", "kind", "year"
  ORDER BY "districtId", "kind", "year"
  ON CONFLICT ("districtId", "kind", "year") DO UPDATE SET "learners" = "CompletionCount"."learners" + EXCLUDED."learners";
  GET DIAGNOSTICS folded = ROW_COUNT;
  RETURN folded;
END;
$$;

-- Year totals changed (the ledger's trigger). An entry that leaves its year's state as it was
-- writes nothing. Else the learners' CompletionLearner rows are locked first (a transfer counts
-- before or after, never across), the years' states move, and if completeness moved the active
-- years are recomputed from the table as it is now (so an upsert's INSERT and UPDATE triggers,
-- or several years in one statement, move them once). Learners without a row are not counted.
CREATE FUNCTION "completion_counts_from_totals"() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE ids TEXT[]; completion_moved BOOLEAN;
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(DISTINCT c."learnerId" ORDER BY c."learnerId"), bool_or(c.state = 'COMPLETE') INTO ids, completion_moved
    FROM (SELECT n."learnerId", "completion_year_state"(n."year", n."totalCredits", n."professionalCredits") AS state FROM new_rows n) c
    WHERE c.state IS NOT NULL;
  ELSE
    SELECT array_agg(DISTINCT c."learnerId" ORDER BY c."learnerId"), bool_or((c.was = 'COMPLETE') IS DISTINCT FROM (c.now = 'COMPLETE'))
    INTO ids, completion_moved
    FROM (
      SELECT n."learnerId",
             "completion_year_state"(o."year", o."totalCredits", o."professionalCredits") AS was,
             "completion_year_state"(n."year", n."totalCredits", n."professionalCredits") AS now
      FROM new_rows n JOIN old_rows o ON o."learnerId" = n."learnerId" AND o."year" = n."year"
    ) c
    WHERE c.was IS DISTINCT FROM c.now;
  END IF;
  IF ids IS NULL THEN RETURN NULL; END IF;
  PERFORM 1 FROM "CompletionLearner" WHERE "learnerId" = ANY (ids) ORDER BY "learnerId" FOR NO KEY UPDATE;

  IF TG_OP = 'INSERT' THEN
    INSERT INTO "CompletionCountDelta" ("districtId", "kind", "year", "learners")
    SELECT s."districtId", x.state, x."year", COUNT(*)::int
    FROM new_rows n
    JOIN "CompletionLearner" s ON s."learnerId" = n."learnerId"
    CROSS JOIN LATERAL (SELECT n."year", "completion_year_state"(n."year", n."totalCredits", n."professionalCredits") AS state) x
    WHERE s."counted" AND n."year" >= GREATEST(s."startYear", 2018) AND x.state IS NOT NULL
    GROUP BY 1, 2, 3;
  ELSE
    INSERT INTO "CompletionCountDelta" ("districtId", "kind", "year", "learners")
    SELECT s."districtId", x.state, x."year", SUM(x.sign)::int
    FROM (
      SELECT n."learnerId", n."year", "completion_year_state"(n."year", n."totalCredits", n."professionalCredits") AS state, 1 AS sign
      FROM new_rows n
      UNION ALL
      SELECT o."learnerId", o."year", "completion_year_state"(o."year", o."totalCredits", o."professionalCredits"), -1
      FROM old_rows o
    ) x
    JOIN "CompletionLearner" s ON s."learnerId" = x."learnerId"
    WHERE s."counted" AND x."year" >= GREATEST(s."startYear", 2018) AND x.state IS NOT NULL
    GROUP BY 1, 2, 3 HAVING SUM(x.sign) <> 0;
  END IF;

  IF completion_moved THEN PERFORM "completion_refresh_active_years"(ids, TRUE); END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "CreditYearTotal_completion_insert" AFTER INSERT ON "CreditYearTotal" REFERENCING NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION "completion_counts_from_totals"();
CREATE TRIGGER "CreditYearTotal_completion_update" AFTER UPDATE ON "CreditYearTotal" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION "completion_counts_from_totals"();


-- A learner registered, imported, transferred, disabled, re-enabled, given another start year or
-- removed: its whole contribution moves, from what CompletionLearner says was counted to what
-- its row says now. Statement-level, so an import's 5,000-row statements are one pass each.
CREATE FUNCTION "completion_counts_from_learners"() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE ids TEXT[];
BEGIN
  IF TG_OP = 'DELETE' THEN
    SELECT array_agg("id" ORDER BY "id") INTO ids FROM old_rows;
  ELSE
    -- Rows whose counted state differs (or was never recorded); an edit of a name changes none.
    SELECT array_agg(n."id" ORDER BY n."id") INTO ids
    FROM new_rows n LEFT JOIN "CompletionLearner" s ON s."learnerId" = n."id"
    WHERE s."learnerId" IS NULL
       OR (s."districtId", s."startYear", s."counted") IS DISTINCT FROM (n."districtId", n."startYear", n."status" = 'ACTIVE');
  END IF;
  IF ids IS NULL THEN RETURN NULL; END IF;
  PERFORM 1 FROM "CompletionLearner" WHERE "learnerId" = ANY (ids) ORDER BY "learnerId" FOR UPDATE;
  -- Out: what was counted for these learners.
  PERFORM "completion_count_learners"(ids, -1);
  IF TG_OP = 'DELETE' THEN DELETE FROM "CompletionLearner" WHERE "learnerId" = ANY (ids); RETURN NULL; END IF;
  -- In: what counts now.
  INSERT INTO "CompletionLearner" ("learnerId", "districtId", "startYear", "counted", "activeYear")
  SELECT n."id", n."districtId", n."startYear", n."status" = 'ACTIVE', GREATEST(n."startYear", 2018)
  FROM new_rows n JOIN unnest(ids) AS changed ("id") ON changed."id" = n."id"
  ON CONFLICT ("learnerId") DO UPDATE SET "districtId" = EXCLUDED."districtId", "startYear" = EXCLUDED."startYear",
    "counted" = EXCLUDED."counted", "activeYear" = EXCLUDED."activeYear";
  PERFORM "completion_refresh_active_years"(ids, FALSE);
  PERFORM "completion_count_learners"(ids, 1);
  RETURN NULL;
END;
$$;

CREATE TRIGGER "Learner_completion_insert" AFTER INSERT ON "Learner" REFERENCING NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION "completion_counts_from_learners"();
CREATE TRIGGER "Learner_completion_update" AFTER UPDATE ON "Learner" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION "completion_counts_from_learners"();
CREATE TRIGGER "Learner_completion_delete" AFTER DELETE ON "Learner" REFERENCING OLD TABLE AS old_rows
FOR EACH STATEMENT EXECUTE FUNCTION "completion_counts_from_learners"();

-- Which years are complete depends on the policy: a new or changed row recounts everything (a
-- rare, deliberate act; seconds at 500,000 learners). So does a removal of year totals, which
-- only the ledger's TRUNCATE trigger makes (and the ledger refuses TRUNCATE).
CREATE FUNCTION "completion_counts_recount"() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN PERFORM "completion_counts_rebuild"(); RETURN NULL; END;
$$;

CREATE TRIGGER "CreditPolicy_completion_recount" AFTER INSERT OR UPDATE OR DELETE ON "CreditPolicy"
FOR EACH STATEMENT EXECUTE FUNCTION "completion_counts_recount"();
CREATE TRIGGER "CreditYearTotal_completion_delete" AFTER DELETE ON "CreditYearTotal"
FOR EACH STATEMENT EXECUTE FUNCTION "completion_counts_recount"();

-- The learners and totals recorded before this migration.
SELECT "completion_counts_rebuild"();
