import type { InputHTMLAttributes } from "react";
import { Field, type FieldOwnProps, type FieldProps } from "./field";

type TextFieldProps = FieldProps & Omit<InputHTMLAttributes<HTMLInputElement>, FieldOwnProps>;

/** A labelled input whose hint and errors are announced with it (aria-describedby). */
export function TextField({ name, label, hint, errors, idPrefix, describedBy, className, ...input }: TextFieldProps) {
  return (
    <Field field={{ name, label, hint, errors, idPrefix, describedBy, className }}>
      {(control) => <input {...control} {...input} />}
    </Field>
  );
}
