import type { TextareaHTMLAttributes } from "react";
import { Field, splitFieldProps, type FieldOwnProps, type FieldProps } from "./field";

type TextareaFieldProps = FieldProps & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, FieldOwnProps>;

/** A labelled multi-line field whose hint and errors are announced with it (like TextField). */
export function TextareaField(props: TextareaFieldProps) {
  const [field, textarea] = splitFieldProps(props);
  return <Field field={field}>{(control) => <textarea {...control} {...textarea} />}</Field>;
}
