import "server-only";
import { obligationYears } from "@/domain/credits";
import { AppError } from "@/lib/errors";
import { currentYear } from "@/lib/time";
import { creditMessages } from "@/messages/zh-CN";

/**
 * Entries recorded by administrators go to one of the learner's obligation years (start year, at
 * the earliest 2018, to the current year) and nowhere else: a year outside them counts for nothing
 * in the standing nor the export, so an entry there could only be a mistake.
 */
export function checkLedgerYear(year: number, startYear: number): void {
  const years = obligationYears(startYear, currentYear());
  const first = years[0];
  const last = years[years.length - 1];
  if (first === undefined || last === undefined) {
    throw new AppError("NO_OBLIGATION_YEAR", creditMessages.noObligationYear(startYear), {
      year: [creditMessages.noObligationYearField],
    });
  }
  if (year < first || year > last) {
    const range = creditMessages.yearRange(first, last);
    throw new AppError("YEAR_OUT_OF_RANGE", creditMessages.notObligationYear(range), {
      year: [creditMessages.yearBetween(range)],
    });
  }
}
