import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionButton } from "@/components/admin/courses/action-button";
import { optionLetter, QUESTION_TYPE_LABELS } from "@/domain/exams";
import { deleteQuestion, setQuestionActive } from "@/server/actions/courses";
import { requireStaff } from "@/server/auth/session";
import type { AdminQuestion } from "@/server/courses/admin/list-admin-questions";
import { listAdminQuestions } from "@/server/courses/admin/list-admin-questions";

export const metadata = { title: "题库管理" };

const linkButton = "rounded-lg px-3 py-1.5 text-sm text-brand-800 ring-1 ring-brand-200 hover:bg-brand-50";

export default async function AdminQuestionsPage({ params }: { params: Promise<{ id: string }> }) {
  const staff = await requireStaff("catalogue.read");
  const bank = await listAdminQuestions(staff, (await params).id);
  if (!bank) notFound();
  const canEdit = staff.role === "CITY_ADMIN";
  const active = bank.questions.filter((q) => q.active).length;

  return (
    <section aria-labelledby="bank-title" className="space-y-4 rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="bank-title" className="text-lg font-semibold text-slate-900">
          题库：{active} 道启用{bank.questions.length > active ? `，${bank.questions.length - active} 道已停用` : ""}
        </h2>
        {canEdit ? (
          <div className="flex gap-2">
            <Link href={`/admin/courses/${bank.id}/questions/new`} className={linkButton}>
              添加题目
            </Link>
            <Link href={`/admin/courses/${bank.id}/questions/import`} className={linkButton}>
              批量导入题目
            </Link>
          </div>
        ) : null}
      </div>
      <p className="text-sm text-slate-600">
        每份试卷从启用的题目中随机抽取 {bank.examQuestionCount}{" "}
        道。已用于试卷的题目不能删除，只能停用；停用的题目不再出现在新试卷中。
      </p>
      {bank.questions.length === 0 ? (
        <p className="text-sm text-slate-600">题库中还没有题目。</p>
      ) : (
        <ol className="divide-y divide-slate-100">
          {bank.questions.map((question, index) => (
            <QuestionItem
              key={question.id}
              courseId={bank.id}
              number={index + 1}
              question={question}
              canEdit={canEdit}
            />
          ))}
        </ol>
      )}
    </section>
  );
}

function QuestionItem({
  courseId,
  number,
  question,
  canEdit,
}: {
  courseId: string;
  number: number;
  question: AdminQuestion;
  canEdit: boolean;
}) {
  const short = question.stem.length > 20 ? `${question.stem.slice(0, 20)}…` : question.stem;
  const ref = { courseId, questionId: question.id };
  return (
    <li className={`space-y-2 py-4 ${question.active ? "" : "opacity-70"}`}>
      <p className="text-sm text-slate-500">
        {number}. {QUESTION_TYPE_LABELS[question.type]}
        {question.active ? "" : " · 已停用"}
        {question.used ? " · 已用于试卷" : ""}
      </p>
      <p className="font-medium text-slate-900">{question.stem}</p>
      <ul className="space-y-0.5 text-sm">
        {question.options.map((option, i) => (
          <li key={option.id} className={option.correct ? "font-medium text-emerald-800" : "text-slate-700"}>
            {optionLetter(i)}. {option.label}
            {option.correct ? "（正确答案）" : ""}
          </li>
        ))}
      </ul>
      {question.explanation ? <p className="text-sm text-slate-600">解析：{question.explanation}</p> : null}
      {canEdit ? (
        <div className="flex flex-wrap items-start gap-2 pt-1">
          <Link
            href={`/admin/courses/${courseId}/questions/${question.id}`}
            aria-label={`修改题目：${short}`}
            className={linkButton}
          >
            修改
          </Link>
          <ActionButton
            action={setQuestionActive}
            fields={{ ...ref, active: question.active ? "false" : "true" }}
            label={question.active ? "停用" : "启用"}
            accessibleLabel={`${question.active ? "停用" : "启用"}题目：${short}`}
          />
          {question.used ? null : (
            <ActionButton
              action={deleteQuestion}
              fields={ref}
              label="删除"
              variant="ghost"
              accessibleLabel={`删除题目：${short}`}
              confirm="确定删除这道题吗？"
            />
          )}
        </div>
      ) : null}
    </li>
  );
}
