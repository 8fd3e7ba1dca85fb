import type { SelectHTMLAttributes } from "react";
import { Field, type FieldOwnProps, type FieldProps } from "./field";

type SelectFieldProps = FieldProps & Omit<SelectHTMLAttributes<HTMLSelectElement>, FieldOwnProps>;

/** A labelled select whose hint and errors are announced with it (like TextField). */
export function SelectField({
  name,
  label,
  hint,
  errors,
  idPrefix,
  describedBy,
  className,
  children,
  ...select
}: SelectFieldProps) {
  return (
    <Field field={{ name, label, hint, errors, idPrefix, describedBy, className }}>
      {(control) => (
        <select {...control} {...select}>
          {children}
        </select>
      )}
    </Field>
  );
}
