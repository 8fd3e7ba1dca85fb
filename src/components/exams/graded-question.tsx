import { optionLetter, QUESTION_TYPE_LABELS } from "@/domain/exams";
import type { GradedPaperQuestion } from "@/server/exams/find-attempt-for-learner";

/** One question of a result: the learner's answer, right or wrong, and the key when revealed. */
export function GradedQuestion({ question }: { question: GradedPaperQuestion }) {
  const headingId = `result-q-${question.position}`;
  const right = question.answeredCorrectly;
  return (
    <li
      aria-labelledby={headingId}
      className={`rounded-xl bg-white p-4 shadow-sm ring-1 sm:p-5 ${right ? "ring-slate-200" : "ring-red-200"}`}
    >
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h3 id={headingId} className="leading-relaxed text-slate-900">
          <span className="mr-1 font-semibold">{question.position}.</span>
          <span className="mr-2 inline-block rounded bg-brand-50 px-1.5 py-0.5 text-xs font-medium text-brand-800">
            {QUESTION_TYPE_LABELS[question.type]}
          </span>
          {question.stem}
        </h3>
        <span className={`shrink-0 text-sm font-medium ${right ? "text-emerald-700" : "text-red-700"}`}>
          {right ? "✓ 回答正确" : question.answer.length === 0 ? "✗ 未作答" : "✗ 回答错误"}
        </span>
      </div>
      <ul className="mt-3 space-y-1.5 text-sm">
        {question.options.map((option, index) => {
          const chosen = question.answer.includes(option.id);
          const isKey = question.key?.correctOptionIds.includes(option.id) ?? false;
          return (
            <li
              key={option.id}
              className={`rounded-lg px-3 py-2 ring-1 ${isKey ? "bg-emerald-50 ring-emerald-200" : chosen ? "bg-slate-100 ring-slate-300" : "ring-slate-100"}`}
            >
              <span className="font-medium">{optionLetter(index)}.</span> {option.label}
              {chosen ? <span className="ml-2 font-medium text-slate-800">（您的选择）</span> : null}
              {isKey ? <span className="ml-2 font-medium text-emerald-800">（正确答案）</span> : null}
            </li>
          );
        })}
      </ul>
      {question.key ? (
        <p className="mt-3 rounded-lg bg-slate-50 p-3 text-sm leading-relaxed text-slate-700">
          <strong className="font-medium text-slate-900">解析：</strong>
          {question.key.explanation}
        </p>
      ) : null}
    </li>
  );
}
