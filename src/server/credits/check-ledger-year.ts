import "server-only";
import { obligationYears } from "@/domain/credits";
import { AppError } from "@/lib/errors";
import { currentYear } from "@/lib/time";

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
    throw new AppError("NO_OBLIGATION_YEAR", `该学员的继续教育从 ${startYear} 年开始，目前还不能登记学分`, {
      year: ["该学员目前没有可登记学分的年度"],
    });
  }
  if (year < first || year > last) {
    const range = first === last ? `${first} 年` : `${first}–${last} 年`;
    throw new AppError("YEAR_OUT_OF_RANGE", `年度应为该学员的继续教育年度（${range}）`, {
      year: [`年度应在 ${range} 之间`],
    });
  }
}
