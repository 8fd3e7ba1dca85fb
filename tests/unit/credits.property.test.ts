import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  learnerStanding,
  obligationYears,
  summarizeYear,
  type CreditCategory,
  type CreditLine,
  type CreditPolicyRow,
} from "../../src/domain/credits";

const category = fc.constantFrom<CreditCategory>("PUBLIC", "PROFESSIONAL");
const year = fc.integer({ min: 2014, max: 2030 });
const line = fc.record({ year, category, credits: fc.integer({ min: -30, max: 120 }) });
// Mostly positive amounts, as real ledgers are, so that complete years actually occur.
const lines = fc.array(
  fc.record({ year, category, credits: fc.oneof(fc.integer({ min: 1, max: 90 }), fc.integer({ min: -30, max: 30 })) }),
  { maxLength: 40 },
);
const startAndCurrent = fc
  .record({ startYear: fc.integer({ min: 2010, max: 2032 }), currentYear: fc.integer({ min: 2016, max: 2030 }) })
  .filter(({ startYear, currentYear }) => startYear <= currentYear + 2);
const policy = fc.oneof(
  fc.constant<CreditPolicyRow[] | undefined>(undefined),
  fc
    .record({ total: fc.integer({ min: 30, max: 150 }), share: fc.integer({ min: 0, max: 100 }), from: year })
    .map(({ total, share, from }): CreditPolicyRow[] => [
      { fromYear: 2018, requiredTotal: 90, requiredProfessional: 60, creditsPerHour: 3 },
      {
        fromYear: Math.max(2019, from),
        requiredTotal: total,
        requiredProfessional: Math.floor((total * share) / 100),
        creditsPerHour: 3,
      },
    ]),
);

const sum = (values: CreditLine[]) => values.reduce((total, l) => total + l.credits, 0);

describe("credit rules: properties", () => {
  it("totals are the sums of that year's lines only", () => {
    fc.assert(
      fc.property(lines, year, policy, (ls, y, p) => {
        const summary = summarizeYear(ls, y, p);
        const own = ls.filter((l) => l.year === y);
        expect(summary.totalCredits).toBe(sum(own));
        expect(summary.professionalCredits).toBe(sum(own.filter((l) => l.category === "PROFESSIONAL")));
        expect(summary.publicCredits).toBe(sum(own.filter((l) => l.category === "PUBLIC")));
        expect(summary.totalCredits).toBe(summary.professionalCredits + summary.publicCredits);
        expect(summary.hours * 3).toBeCloseTo(summary.totalCredits, 9);
      }),
    );
  });

  it("a line of another year never changes a year's summary", () => {
    fc.assert(
      fc.property(lines, year, line, policy, (ls, y, extra, p) => {
        fc.pre(extra.year !== y);
        expect(summarizeYear([...ls, extra], y, p)).toEqual(summarizeYear(ls, y, p));
      }),
    );
  });

  it("a summary does not depend on the order of the lines", () => {
    fc.assert(
      fc.property(
        lines.chain((ls) =>
          fc.tuple(fc.constant(ls), fc.shuffledSubarray(ls, { minLength: ls.length, maxLength: ls.length })),
        ),
        year,
        policy,
        ([ls, shuffled], y, p) => {
          expect(summarizeYear(shuffled, y, p)).toEqual(summarizeYear(ls, y, p));
        },
      ),
    );
  });

  it("complete means both thresholds are met, and the gaps are never negative", () => {
    fc.assert(
      fc.property(lines, year, (ls, y) => {
        const s = summarizeYear(ls, y);
        expect(s.complete).toBe(s.totalCredits >= 90 && s.professionalCredits >= 60);
        expect(s.missingTotal).toBe(Math.max(0, 90 - s.totalCredits));
        expect(s.missingProfessional).toBe(Math.max(0, 60 - s.professionalCredits));
      }),
    );
  });

  it("the active year is the earliest incomplete one, every year before it complete", () => {
    fc.assert(
      fc.property(lines, startAndCurrent, policy, (ls, opts, p) => {
        const { years, activeYear } = learnerStanding(ls, opts, p);
        expect(years.map((s) => s.year)).toEqual(obligationYears(opts.startYear, opts.currentYear));
        const firstIncomplete = years.findIndex((s) => !s.complete);
        if (activeYear === null) {
          expect(firstIncomplete).toBe(-1);
        } else {
          expect(years[firstIncomplete]?.year).toBe(activeYear);
          expect(years.filter((s) => s.year < activeYear).every((s) => s.complete)).toBe(true);
        }
      }),
    );
  });

  it("the credit year is an obligation year, or null only without any", () => {
    fc.assert(
      fc.property(lines, startAndCurrent, policy, (ls, opts, p) => {
        const { years, activeYear, creditYear } = learnerStanding(ls, opts, p);
        if (years.length === 0) {
          expect(creditYear).toBeNull();
        } else {
          expect(years.map((s) => s.year)).toContain(creditYear);
          expect(creditYear).toBe(activeYear ?? opts.currentYear);
        }
      }),
    );
  });

  it("each year of a standing is that year's own summary", () => {
    fc.assert(
      fc.property(lines, startAndCurrent, policy, (ls, opts, p) => {
        for (const s of learnerStanding(ls, opts, p).years) expect(s).toEqual(summarizeYear(ls, s.year, p));
      }),
    );
  });

  it("credits awarded one by one never overshoot a year that was already complete", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ category, credits: fc.integer({ min: 1, max: 60 }) }), { maxLength: 30 }),
        fc.integer({ min: 2018, max: 2026 }),
        (awards, startYear) => {
          const ledger: CreditLine[] = [];
          for (const award of awards) {
            const { creditYear } = learnerStanding(ledger, { startYear, currentYear: 2026 });
            if (creditYear === null) throw new Error("an obligation year always exists here");
            // The year the award goes to is incomplete, unless every year is (surplus in the current one).
            const target = summarizeYear(ledger, creditYear);
            expect(target.complete === false || creditYear === 2026).toBe(true);
            ledger.push({ year: creditYear, ...award });
          }
        },
      ),
    );
  });
});
