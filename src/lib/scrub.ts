// Masks anything shaped like an ID number in text bound for logs: messages, error messages and
// stack traces alike. Pure, so both the logger and the console guard use it.
const ID_NUMBER_LIKE =
  /(?<![0-9])([0-9]{4})[0-9]{10}([0-9]{3}[0-9Xx])(?![0-9A-Za-z])|(?<![0-9])([0-9]{4})[0-9]{7}([0-9]{4})(?![0-9A-Za-z])/g;

/** Masks every 18- or 15-digit run that could be an ID number. */
export function scrubIdNumbers(text: string): string {
  return text.replace(ID_NUMBER_LIKE, (_m, a18?: string, b18?: string, a15?: string, b15?: string) =>
    a18 ? `${a18}**********${b18}` : `${a15}*******${b15}`,
  );
}
