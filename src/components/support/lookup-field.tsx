import type { InputHTMLAttributes } from "react";

interface LookupFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, "id"> {
  /** Which lookup form: several forms on one page have fields of the same name. */
  form: string;
  name: string;
  label: string;
  hint?: string;
  errors?: string[];
}

/** A labelled input of one lookup form, its hint and errors announced with it. */
export function LookupField({ form, name, label, hint, errors, ...input }: LookupFieldProps) {
  const id = `lookup-${form}-${name}`;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <input
        id={id}
        name={name}
        aria-invalid={errorId ? true : undefined}
        aria-describedby={[errorId, hintId].filter(Boolean).join(" ") || undefined}
        className="mt-1 block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-base shadow-sm outline-none focus:border-brand-600 focus:ring-2 focus:ring-brand-600/30 aria-invalid:border-red-500"
        {...input}
      />
      {hint ? (
        <p id={hintId} className="mt-1 text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      {errorId ? (
        <p id={errorId} className="mt-1 text-sm text-red-700">
          {errors?.join("；")}
        </p>
      ) : null}
    </div>
  );
}
