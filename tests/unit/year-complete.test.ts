// isYearComplete, the TypeScript definition of a complete year (its SQL twin, credit_year_complete,
// is held equal to it in tests/integration/credit-year-complete.test.ts).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isYearComplete, summarizeYear } from "../../src/domain/credits";

const RULE = { requiredTotal: 90, requiredProfessional: 60 };

describe("isYearComplete", () => {
  it.each<[number, number, boolean]>([
    [89, 60, false],
    [90, 60, true],
    [91, 60, true],
    [90, 59, false],
    [90, 61, true],
    [0, 0, false],
    [200, 59, false], // 141 general credits: beyond 30 they make up for nothing
    [90, 90, true],
  ])("total %i, professional %i: %s", (total, professional, expected) => {
    expect(isYearComplete(total, professional, RULE)).toBe(expected);
  });

  it("counts general credits up to requiredTotal − requiredProfessional and no further", () => {
    const rule = fc.integer({ min: 1, max: 200 }).chain((requiredTotal) =>
      fc.record({
        requiredTotal: fc.constant(requiredTotal),
        requiredProfessional: fc.integer({ min: 0, max: requiredTotal }),
      }),
    );
    fc.assert(
      fc.property(
        rule,
        fc.integer({ min: -50, max: 300 }),
        fc.integer({ min: -50, max: 300 }),
        (r, professional, general) => {
          const counted = Math.min(general, r.requiredTotal - r.requiredProfessional);
          expect(isYearComplete(professional + general, professional, r)).toBe(
            professional + counted >= r.requiredTotal,
          );
        },
      ),
    );
  });

  it("is what summarizeYear reports as complete", () => {
    const line = fc.record({
      year: fc.constant(2026),
      category: fc.constantFrom("PUBLIC" as const, "PROFESSIONAL" as const),
      credits: fc.integer({ min: -30, max: 90 }),
    });
    fc.assert(
      fc.property(fc.array(line, { maxLength: 10 }), (lines) => {
        const s = summarizeYear(lines, 2026);
        expect(s.complete).toBe(isYearComplete(s.totalCredits, s.professionalCredits, RULE));
        expect(s.complete).toBe(s.missingTotal === 0 && s.missingProfessional === 0);
      }),
    );
  });
});
