import "server-only";
import type { Tally } from "@/domain/support/overview";
import { playerErrorKindLabel } from "@/domain/support/player-errors";
import type { CurrentStaff } from "@/server/auth/session";
import type { Db } from "@/server/db";
import { readReport } from "@/server/read-report";
import { assertSupportStaff } from "./assert-support-staff";
import { readAffectedLearners } from "./read-affected-learners";
import { readErrorGroups, type ErrorGroup } from "./read-error-aggregates";
import { readTitles } from "./read-titles";
import { supportMessages } from "@/messages/zh-CN";

const DAY_MS = 24 * 60 * 60_000;
/** Groups per chart; the rest is shown as 其他. */
export const OVERVIEW_TOP = 8;
const WORST_LESSONS = 5;
/** The same figures serve every support user for this long (per instance). */
export const OVERVIEW_MAX_AGE_MS = 60_000;

type Overview = Awaited<ReturnType<typeof computeOverview>>;
// Per process: the overview is the same for everyone, so a room of support staff refreshing it
// during an outage costs the database one set of aggregates a minute per instance.
const cache: { value: Overview | null } = { value: null };

async function computeOverview(db: Db, now: Date) {
  const since = { now, dayAgo: new Date(now.getTime() - DAY_MS), weekAgo: new Date(now.getTime() - 7 * DAY_MS) };
  const [groups, tickets, newReports] = await Promise.all([
    readErrorGroups(db, since, OVERVIEW_TOP),
    db.problemReport.groupBy({
      by: ["status"],
      where: { status: { in: ["OPEN", "IN_PROGRESS"] } },
      _count: { _all: true },
    }),
    // All three statuses, so that the (status, createdAt) index serves the range.
    Promise.all(
      [since.dayAgo, since.weekAgo].map((gte) =>
        db.problemReport.count({ where: { status: { in: ["OPEN", "IN_PROGRESS", "RESOLVED"] }, createdAt: { gte } } }),
      ),
    ),
  ]);
  const of = (dim: ErrorGroup["dim"]) => groups.filter((g) => g.dim === dim);
  const worst = of("lesson")
    .filter((g): g is ErrorGroup & { lessonId: string } => g.lessonId !== null && g.day + g.week > 0)
    .sort((a, b) => b.day - a.day || b.week - a.week)
    .slice(0, WORST_LESSONS);
  const [titles, affected] = await Promise.all([
    readTitles([...of("course"), ...worst]),
    readAffectedLearners(
      db,
      since,
      worst.map((g) => g.lessonId),
    ),
  ]);
  const tally = (dim: ErrorGroup["dim"], label: (g: ErrorGroup) => string): Tally[] =>
    of(dim).map((g) => ({ label: label(g), day: g.day, week: g.week }));
  const total = of("total")[0];
  return {
    at: now,
    errors: { day: total?.day ?? 0, week: total?.week ?? 0, learners: affected.total },
    byKind: tally("kind", (g) => playerErrorKindLabel(g.kind ?? "other")),
    byBrowser: tally("browser", (g) => g.browser ?? supportMessages.unknownBrowser),
    byCourse: tally("course", (g) =>
      g.courseId ? (titles.course(g.courseId) ?? supportMessages.deletedCourse) : supportMessages.noCourse,
    ),
    worstLessons: worst.map((g) => {
      const lesson = titles.lesson(g.lessonId);
      return {
        lessonId: g.lessonId,
        courseTitle: lesson?.courseTitle ?? supportMessages.deletedCourse,
        lessonTitle: lesson
          ? supportMessages.lessonTitle(lesson.position, lesson.lessonTitle)
          : supportMessages.deletedLesson,
        day: g.day,
        week: g.week,
        learners: affected.byLesson.get(g.lessonId) ?? { day: 0, week: 0 },
      };
    }),
    tickets: {
      open: tickets.find((t) => t.status === "OPEN")?._count._all ?? 0,
      inProgress: tickets.find((t) => t.status === "IN_PROGRESS")?._count._all ?? 0,
      newDay: newReports[0] ?? 0,
      newWeek: newReports[1] ?? 0,
    },
  };
}

/**
 * 概况: player errors of the last 24 hours and 7 days by type, browser, course and the worst
 * lessons, with the learners affected, and the ticket counts: a broken video shows here before
 * the phones ring. Bounded aggregates (see readErrorGroups), at most OVERVIEW_MAX_AGE_MS old,
 * on the report pool: a statement over the staff limit answers QUERY_TIMEOUT.
 */
export async function getSupportOverview(
  staff: CurrentStaff,
  options: { now?: Date; maxAgeMs?: number } = {},
): Promise<Overview> {
  assertSupportStaff(staff);
  const now = options.now ?? new Date();
  const cached = cache.value;
  const age = cached ? now.getTime() - cached.at.getTime() : Infinity;
  if (cached && age >= 0 && age <= (options.maxAgeMs ?? OVERVIEW_MAX_AGE_MS)) return cached;
  const fresh = await readReport("support.overview", (db) => computeOverview(db, now));
  cache.value = fresh;
  return fresh;
}
