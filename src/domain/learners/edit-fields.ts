/**
 * The fields an administrator types for a learner besides the ID number and the district,
 * checked together so that a form shows every mistake at once. Pure.
 */
import { validateName } from "@/domain/identity";
import { validateEmployer, validateMobile, validateStartYear } from "./fields";
import { parseQualification, QUALIFICATION_REASON, type QualificationLevel } from "./qualification";

export interface LearnerFieldsInput {
  name: string;
  employer: string;
  qualification: string;
  mobile: string;
  startYear: string | number;
}

export interface LearnerFields {
  name: string;
  employer: string;
  qualification: QualificationLevel;
  mobile: string | null;
  startYear: number;
}

export type TLearnerFieldsCheck =
  { ok: true; value: LearnerFields } | { ok: false; fieldErrors: Partial<Record<keyof LearnerFieldsInput, string[]>> };

export function checkLearnerFields(input: LearnerFieldsInput, currentYear: number): TLearnerFieldsCheck {
  const name = validateName(input.name);
  const employer = validateEmployer(input.employer);
  const qualification = parseQualification(input.qualification);
  const mobile = validateMobile(input.mobile);
  const startYear = validateStartYear(input.startYear, currentYear);
  if (name.ok && employer.ok && qualification && mobile.ok && startYear.ok) {
    return {
      ok: true,
      value: {
        name: name.value,
        employer: employer.value,
        qualification,
        mobile: mobile.value,
        startYear: startYear.value,
      },
    };
  }
  const fieldErrors: Partial<Record<keyof LearnerFieldsInput, string[]>> = {};
  if (!name.ok) fieldErrors.name = [name.reason];
  if (!employer.ok) fieldErrors.employer = [employer.reason];
  if (!qualification) fieldErrors.qualification = [QUALIFICATION_REASON];
  if (!mobile.ok) fieldErrors.mobile = [mobile.reason];
  if (!startYear.ok) fieldErrors.startYear = [startYear.reason];
  return { ok: false, fieldErrors };
}
