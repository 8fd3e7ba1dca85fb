import { optionLetter, QUESTION_TYPE_LABELS } from "@/domain/exams";
import type { OpenPaperQuestion } from "@/server/exams/find-attempt-for-learner";

interface QuestionFieldsetProps {
  question: OpenPaperQuestion;
  answer: readonly string[];
  disabled: boolean;
  onChange: (optionIds: string[]) => void;
}

/** One question as a fieldset: radios for single choice and true/false, checkboxes for multiple. */
export function QuestionFieldset({ question, answer, disabled, onChange }: QuestionFieldsetProps) {
  const multiple = question.type === "MULTIPLE";
  const name = `q-${question.questionId}`;
  const hintId = `${name}-hint`;
  const toggle = (optionId: string, checked: boolean) => {
    if (!multiple) return onChange(checked ? [optionId] : []);
    const next = checked ? [...answer, optionId] : answer.filter((id) => id !== optionId);
    onChange(question.options.map((o) => o.id).filter((id) => next.includes(id)));
  };
  return (
    <fieldset
      id={`question-${question.position}`}
      aria-describedby={multiple ? hintId : undefined}
      className="scroll-mt-28 rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:p-5"
    >
      <legend className="float-left w-full text-base leading-relaxed text-slate-900">
        <span className="mr-1 font-semibold">{question.position}.</span>
        <span className="mr-2 inline-block rounded bg-brand-50 px-1.5 py-0.5 text-xs font-medium text-brand-800">
          {QUESTION_TYPE_LABELS[question.type]}
        </span>
        {question.stem}
      </legend>
      {multiple ? (
        <p id={hintId} className="clear-both pt-1 text-xs text-slate-500">
          请选出全部正确选项
        </p>
      ) : null}
      <ul className="clear-both space-y-2 pt-3">
        {question.options.map((option, index) => {
          const checked = answer.includes(option.id);
          return (
            <li key={option.id}>
              <label
                className={`flex cursor-pointer items-start gap-3 rounded-lg px-3 py-2.5 ring-1 ${checked ? "bg-brand-50 ring-brand-600" : "ring-slate-200 hover:bg-slate-50"} ${disabled ? "cursor-not-allowed opacity-70" : ""}`}
              >
                <input
                  type={multiple ? "checkbox" : "radio"}
                  name={name}
                  value={option.id}
                  checked={checked}
                  disabled={disabled}
                  onChange={(e) => toggle(option.id, e.target.checked)}
                  className="mt-1 size-4 shrink-0 accent-brand-700"
                />
                <span>
                  <span className="font-medium">{optionLetter(index)}.</span> {option.label}
                </span>
              </label>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
