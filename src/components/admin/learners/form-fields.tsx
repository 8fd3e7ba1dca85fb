import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";

// Labelled fields whose hint and errors are announced with them (aria-describedby). Unlike
// components/ui/TextField they take a form id, so that several forms on one page (the learner
// page has five) never share an element id.

interface FieldProps {
  formId: string;
  name: string;
  label: string;
  hint?: ReactNode;
  errors?: string[];
  /** Further ids that describe the field (a live preview, for instance). */
  describedBy?: string;
  className?: string;
}

const CONTROL =
  "mt-1 block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-base shadow-sm outline-none focus:border-brand-600 focus:ring-2 focus:ring-brand-600/30 aria-invalid:border-red-500 disabled:bg-slate-100";

function ids({ formId, name, hint, errors, describedBy }: FieldProps) {
  const id = `${formId}-${name}`;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  return {
    id,
    hintId,
    errorId,
    control: {
      id,
      name,
      "aria-invalid": errorId ? true : undefined,
      "aria-describedby": [errorId, hintId, describedBy].filter(Boolean).join(" ") || undefined,
    },
  };
}

function Frame({ props, children }: { props: FieldProps; children: ReactNode }) {
  const { id, hintId, errorId } = ids(props);
  return (
    <div className={props.className}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {props.label}
      </label>
      {children}
      {props.hint ? (
        <p id={hintId} className="mt-1 text-xs text-slate-500">
          {props.hint}
        </p>
      ) : null}
      {errorId ? (
        <p id={errorId} className="mt-1 text-sm text-red-700">
          {props.errors?.join("；")}
        </p>
      ) : null}
    </div>
  );
}

type Own = keyof FieldProps | "id";

export function InputField(props: FieldProps & Omit<InputHTMLAttributes<HTMLInputElement>, Own>) {
  const { formId, name, label, hint, errors, describedBy, className, ...input } = props;
  const field = { formId, name, label, hint, errors, describedBy, className };
  return (
    <Frame props={field}>
      <input {...ids(field).control} className={CONTROL} {...input} />
    </Frame>
  );
}

export function SelectField(props: FieldProps & Omit<SelectHTMLAttributes<HTMLSelectElement>, Own>) {
  const { formId, name, label, hint, errors, describedBy, className, children, ...select } = props;
  const field = { formId, name, label, hint, errors, describedBy, className };
  return (
    <Frame props={field}>
      <select {...ids(field).control} className={CONTROL} {...select}>
        {children}
      </select>
    </Frame>
  );
}

export function TextAreaField(props: FieldProps & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, Own>) {
  const { formId, name, label, hint, errors, describedBy, className, ...area } = props;
  const field = { formId, name, label, hint, errors, describedBy, className };
  return (
    <Frame props={field}>
      <textarea {...ids(field).control} rows={2} className={CONTROL} {...area} />
    </Frame>
  );
}

/** The quiet confirmation after a successful save, announced to screen readers. */
export function SavedNotice({ show, children }: { show: boolean; children: ReactNode }) {
  return (
    <p role="status" className="text-sm text-emerald-700">
      {show ? children : null}
    </p>
  );
}
