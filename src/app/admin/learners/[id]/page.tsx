import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { AuditTable } from "@/components/admin/audit/audit-table";
import { CertificateList } from "@/components/admin/learners/certificate-list";
import { ActivityCreditsForm } from "@/components/admin/learners/activity-credits-form";
import { AdjustmentForm } from "@/components/admin/learners/adjustment-form";
import { LearnerStatusBadge } from "@/components/admin/learners/badges";
import { EditLearnerForm } from "@/components/admin/learners/edit-learner-form";
import { LedgerTable } from "@/components/admin/learners/ledger-table";
import { LearnerProfile } from "@/components/admin/learners/learner-profile";
import { StandingTable } from "@/components/admin/learners/standing-table";
import { LearnerStatusForm } from "@/components/admin/learners/status-form";
import { AttemptsTable, EnrollmentsTable } from "@/components/admin/learners/study-tables";
import { TransferForm } from "@/components/admin/learners/transfer-form";
import { requireStaff } from "@/server/auth/session";
import { listLearnerCertificates } from "@/server/certificates/list-learner-certificates";
import { getStanding } from "@/server/credits/get-standing";
import { listLedgerLines } from "@/server/credits/list-ledger-lines";
import { findLearnerProfile } from "@/server/learners/find-learner-profile";
import { listLearnerAttempts } from "@/server/learners/list-learner-attempts";
import { listLearnerAudit } from "@/server/learners/list-learner-audit";
import { listLearnerEnrollments } from "@/server/learners/list-learner-enrollments";
import { listRegistrationDistricts } from "@/server/learners/list-registration-districts";
import { staffMay } from "@/server/policy/staff-permissions";

export const metadata: Metadata = { title: "学员详情" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

function Section({
  id,
  title,
  children,
  aside,
}: {
  id: string;
  title: string;
  children: ReactNode;
  aside?: ReactNode;
}) {
  return (
    <section aria-labelledby={id} className="space-y-3 rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={id} className="text-lg font-semibold text-slate-900">
          {title}
        </h2>
        {aside}
      </div>
      {children}
    </section>
  );
}

export default async function LearnerPage({ params, searchParams }: Props) {
  const staff = await requireStaff("learners.manage");
  const { id } = await params;
  // Scoped: another district's learner is exactly as absent as one that does not exist.
  const learner = await findLearnerProfile(staff, id);
  if (!learner) notFound();
  const [standing, lines, certificates, enrollments, attempts, audit, districts] = await Promise.all([
    getStanding(learner.id),
    listLedgerLines(learner.id),
    listLearnerCertificates(learner.id),
    listLearnerEnrollments(staff, learner.id),
    listLearnerAttempts(staff, learner.id),
    listLearnerAudit(staff, learner.id),
    staff.role === "CITY_ADMIN" ? listRegistrationDistricts(staff) : Promise.resolve([]),
  ]);
  const years = standing.years.map((y) => y.year);
  const registered = (await searchParams).registered === "1";
  return (
    <div className="space-y-6">
      <nav aria-label="位置" className="text-sm">
        <Link href="/admin/learners" className="text-brand-700 underline underline-offset-2">
          学员管理
        </Link>
        <span className="text-slate-400"> / </span>
        <span className="text-slate-600">{learner.name}</span>
      </nav>
      <header className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold text-brand-900">{learner.name}</h1>
        <LearnerStatusBadge status={learner.status} />
        <span className="text-sm text-slate-600">{learner.district.name}</span>
      </header>
      {registered ? (
        <p role="status" className="rounded-lg bg-emerald-50 p-3 text-sm text-emerald-800 ring-1 ring-emerald-200">
          信息采集完成。学员现在可以用身份证号和姓名登录学习。
        </p>
      ) : null}

      <Section id="profile" title="基本信息">
        <LearnerProfile learner={learner} />
      </Section>
      <Section id="standing" title="各年度学分">
        <StandingTable standing={standing} />
      </Section>
      <Section id="ledger" title="学分明细">
        <LedgerTable lines={lines} />
      </Section>
      <Section id="certificates" title="学时证明">
        <CertificateList certificates={certificates} canRevoke={staffMay(staff, "certificates.revoke")} />
      </Section>
      <Section id="enrollments" title="选课与学习进度">
        <EnrollmentsTable enrollments={enrollments} />
      </Section>
      <Section id="attempts" title="考试记录">
        <AttemptsTable attempts={attempts} />
      </Section>

      <div className="grid gap-6 lg:grid-cols-2">
        <Section id="edit" title="修改信息">
          <EditLearnerForm learner={learner} />
        </Section>
        <div className="space-y-6">
          <Section id="status" title={learner.status === "ACTIVE" ? "停用学员" : "恢复学员"}>
            <LearnerStatusForm key={learner.status} learnerId={learner.id} status={learner.status} />
          </Section>
          {staff.role === "CITY_ADMIN" ? (
            <Section id="transfer" title="跨区转移">
              <TransferForm
                key={learner.districtId}
                learnerId={learner.id}
                currentDistrictId={learner.districtId}
                districts={districts}
              />
            </Section>
          ) : null}
        </div>
      </div>

      {years.length > 0 ? (
        <div className="grid gap-6 lg:grid-cols-2">
          <Section id="activity" title="登记其他形式继续教育学分">
            <ActivityCreditsForm learnerId={learner.id} years={years} idempotencyKey={randomUUID()} />
          </Section>
          <Section id="adjustment" title="学分调整">
            <AdjustmentForm learnerId={learner.id} years={years} idempotencyKey={randomUUID()} />
          </Section>
        </div>
      ) : (
        <p className="text-sm text-slate-600">该学员的继续教育从 {learner.startYear} 年开始，届时才能登记学分。</p>
      )}

      <Section
        id="audit"
        title="操作记录"
        aside={
          <Link href={`/admin/audit?learner=${learner.id}`} className="text-sm text-brand-700 hover:underline">
            在审计日志中查看全部
          </Link>
        }
      >
        <AuditTable entries={audit} caption="该学员的操作记录" showTarget={false} />
      </Section>
    </div>
  );
}
