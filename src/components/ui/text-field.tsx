import type { InputHTMLAttributes } from "react";
import { Field, splitFieldProps, type FieldOwnProps, type FieldProps } from "./field";

type TextFieldProps = FieldProps & Omit<InputHTMLAttributes<HTMLInputElement>, FieldOwnProps>;

/** A labelled input whose hint and errors are announced with it (aria-describedby). */
export function TextField(props: TextFieldProps) {
  const [field, input] = splitFieldProps(props);
  return <Field field={field}>{(control) => <input {...control} {...input} />}</Field>;
}
