import type { TextareaHTMLAttributes } from "react";
import { Field, type FieldOwnProps, type FieldProps } from "./field";

type TextareaFieldProps = FieldProps & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, FieldOwnProps>;

/** A labelled multi-line field whose hint and errors are announced with it (like TextField). */
export function TextareaField({
  name,
  label,
  hint,
  errors,
  idPrefix,
  describedBy,
  className,
  ...textarea
}: TextareaFieldProps) {
  return (
    <Field field={{ name, label, hint, errors, idPrefix, describedBy, className }}>
      {(control) => <textarea {...control} {...textarea} />}
    </Field>
  );
}
