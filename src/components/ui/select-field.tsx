import type { SelectHTMLAttributes } from "react";
import { Field, splitFieldProps, type FieldOwnProps, type FieldProps } from "./field";

type SelectFieldProps = FieldProps & Omit<SelectHTMLAttributes<HTMLSelectElement>, FieldOwnProps>;

/** A labelled select whose hint and errors are announced with it (like TextField). */
export function SelectField(props: SelectFieldProps) {
  const [field, select] = splitFieldProps(props);
  return <Field field={field}>{(control) => <select {...control} {...select} />}</Field>;
}
