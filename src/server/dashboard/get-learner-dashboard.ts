import "server-only";
import { pickPolicyRow } from "@/domain/credits";
import { learnerCourseStatus } from "@/domain/courses";
import { coursePercent } from "@/domain/playback";
import { listLearnerCertificates } from "@/server/certificates/list-learner-certificates";
import { getStanding } from "@/server/credits/get-standing";
import { readReportingStatus } from "@/server/exports/read-reporting-status";
import { getDb } from "@/server/db";

const SUGGESTIONS = 3;

/**
 * Everything the learner's dashboard shows, in a fixed number of queries: the standing (one
 * aggregate over the ledger), the courses in progress, and a few courses of the category the
 * active year still lacks.
 */
export async function getLearnerDashboard(learner: { id: string; startYear: number }) {
  const db = getDb();
  const learnerId = learner.id;
  const [standing, inProgress, reporting, certificates] = await Promise.all([
    getStanding(learner),
    db.enrollment.findMany({
      where: { learnerId, status: { in: ["STUDYING", "EXAM_PENDING"] } },
      orderBy: { enrolledAt: "desc" },
      select: {
        id: true,
        status: true,
        creditYear: true,
        course: {
          select: {
            id: true,
            title: true,
            category: true,
            credits: true,
            lessons: { select: { id: true, durationSeconds: true } },
          },
        },
        lessonProgress: { select: { lessonId: true, verifiedMs: true } },
      },
    }),
    readReportingStatus(learnerId),
    listLearnerCertificates(learnerId, { currentOnly: true }),
  ]);
  const active = standing.years.find((y) => y.year === standing.activeYear) ?? null;
  const missingCategory = !active ? null : active.missingProfessional > 0 ? "PROFESSIONAL" : "PUBLIC";
  const suggestions = missingCategory
    ? await db.course.findMany({
        where: {
          status: "PUBLISHED",
          // Professional credits are missing: suggest those; otherwise any course counts.
          ...(missingCategory === "PROFESSIONAL" ? { category: "PROFESSIONAL" } : {}),
          enrollments: { none: { learnerId } },
        },
        orderBy: [{ credits: "desc" }, { id: "asc" }],
        take: SUGGESTIONS,
        select: { id: true, title: true, category: true, credits: true },
      })
    : [];
  return {
    standing,
    years: standing.years.map((summary) => ({ ...summary, required: pickPolicyRow(standing.policy, summary.year) })),
    inProgress: inProgress.map(({ lessonProgress, course: { lessons, ...course }, ...e }) => {
      const verified = new Map(lessonProgress.map((p) => [p.lessonId, p.verifiedMs]));
      const percent = coursePercent(
        lessons.map((l) => ({ durationMs: l.durationSeconds * 1000, verifiedMs: verified.get(l.id) ?? 0 })),
      );
      return { ...e, course, percent, status: learnerCourseStatus(e) };
    }),
    currentRule: pickPolicyRow(standing.policy, standing.currentYear),
    /** Where each complete year's report to the provincial system stands (none: 待报送). */
    reporting,
    /** Each year's current certificate code (学时证明). */
    certificates: new Map(certificates.map((c) => [c.year, c.code])),
    missingCategory,
    suggestions,
  };
}
