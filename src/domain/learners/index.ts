/** Learner rules shared by the administrators' forms, lists and the bulk import. Pure. */
export { QUALIFICATIONS, QUALIFICATION_LABELS, QUALIFICATION_REASON, parseQualification } from "./qualification";
export type { QualificationLevel } from "./qualification";
export { EMPLOYER_MAX_LENGTH, maskMobile, validateEmployer, validateMobile, validateStartYear } from "./fields";
export type { TFieldCheck } from "./fields";
export { GENDER_LABELS, LEARNER_STATUS_LABELS } from "./labels";
export type { LearnerStatusValue } from "./labels";
export { YEAR_PROGRESS_LABELS, yearProgress } from "./year-progress";
export type { YearProgress } from "./year-progress";
export { checkLearnerFields } from "./edit-fields";
export type { LearnerFields, LearnerFieldsInput, TLearnerFieldsCheck } from "./edit-fields";
