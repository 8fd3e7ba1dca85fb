import type { ReactNode } from "react";

/** What every labelled field takes besides the attributes of its control. */
export interface FieldProps {
  name: string;
  label: string;
  hint?: ReactNode;
  errors?: string[];
  /**
   * The element ids are `<idPrefix>-<name>`. A page with several forms gives each form its own
   * prefix, so that fields of the same name never share an id.
   */
  idPrefix?: string;
  /** Further ids that describe the field (a live preview, for instance). */
  describedBy?: string;
  /** Classes of the field as a whole (its width, its place in a grid). */
  className?: string;
}

/** A field's props split into the frame's and the control's own. */
export function splitFieldProps<P extends FieldProps>(props: P): [FieldProps, Omit<P, keyof FieldProps>] {
  const { name, label, hint, errors, idPrefix, describedBy, className, ...control } = props;
  return [{ name, label, hint, errors, idPrefix, describedBy, className }, control];
}

/** Attributes the field sets on its control itself. */
export type FieldOwnProps = keyof FieldProps | "id";

interface ControlProps {
  id: string;
  name: string;
  "aria-invalid": true | undefined;
  "aria-describedby": string | undefined;
  className: string;
}

const CONTROL =
  "mt-1 block w-full rounded-lg border border-slate-300 bg-white px-3 py-2.5 text-base shadow-sm outline-none focus:border-brand-600 focus:ring-2 focus:ring-brand-600/30 aria-invalid:border-red-500 disabled:bg-slate-100";

/**
 * The frame of TextField, TextareaField and SelectField: the label, the control (rendered by
 * `children` with the attributes that tie it to the frame), the hint and the errors, which are
 * announced with the control (aria-describedby) and mark it invalid.
 */
export function Field({ field, children }: { field: FieldProps; children: (control: ControlProps) => ReactNode }) {
  const { name, label, hint, errors, idPrefix = "field", describedBy, className } = field;
  const id = `${idPrefix}-${name}`;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {children({
        id,
        name,
        "aria-invalid": errorId ? true : undefined,
        "aria-describedby": [errorId, hintId, describedBy].filter(Boolean).join(" ") || undefined,
        className: CONTROL,
      })}
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
