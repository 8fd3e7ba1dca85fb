/**
 * Identity rules shared by login, registration and import: Chinese resident
 * ID numbers and learner names. Pure, so it runs on the server and in the
 * browser alike.
 */
export {
  ID_NUMBER_REASONS,
  computeCheckCharacter,
  maskIdNumber,
  maskIdNumberForCertificate,
  parseIdNumber,
} from "./id-number";
export type { IParseIdNumberOptions, TGender, TParsedIdNumber } from "./id-number";
export { MIDDLE_DOT, NAME_MAX_CODE_POINTS, NAME_REASONS, normalizeName, validateName } from "./name";
export type { TValidatedName } from "./name";
