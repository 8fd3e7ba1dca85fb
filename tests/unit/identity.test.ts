import { todayInShanghai } from "@/lib/time";
import { describe, it, expect } from "vitest";
import fc from "fast-check";
import {
  computeCheckCharacter,
  maskIdNumber,
  NAME_REASONS,
  normalizeName,
  parseIdNumber,
  validateName,
} from "../../src/domain/identity";

// A fixed "today" keeps the tests independent of the day they run on.
const TODAY = "2025-06-30";
const parse = (input: string) => parseIdNumber(input, { today: TODAY });

const REASON = {
  empty: "请输入身份证号",
  length: "身份证号应为18位",
  characters: "身份证号只能包含数字，最后一位可以是X",
  area: "身份证号的地区代码不正确",
  birthDate: "身份证号中的出生日期不正确",
  checkCharacter: "身份证号校验位不正确，请核对最后一位",
};

/** Builds a valid 18-char number from its parts. */
function build(area: string, birth: string, sequence: string): string {
  const first17 = area + birth + sequence;
  return first17 + computeCheckCharacter(first17);
}

/** ASCII digits and letters to their full-width forms (U+FF01..U+FF5E). */
function toFullWidth(s: string): string {
  return s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
}

describe("parseIdNumber: valid numbers", () => {
  it.each([
    ["420102198503121238", "420102198503121238", "1985-03-12", "M"],
    ["420106199007152342", "420106199007152342", "1990-07-15", "F"],
    ["420111197801013456", "420111197801013456", "1978-01-01", "M"],
    ["810000199001010019", "810000199001010019", "1990-01-01", "M"], // Hong Kong residence permit
    ["420103199202284560", "420103199202284560", "1992-02-28", "F"],
    ["420115198811115675", "420115198811115675", "1988-11-11", "M"],
    ["11010519491231002X", "11010519491231002X", "1949-12-31", "F"], // example from GB 11643
    ["11010519491231002x", "11010519491231002X", "1949-12-31", "F"], // lower-case x
    ["42010219850312122X", "42010219850312122X", "1985-03-12", "F"],
    ["４２０１０２１９８５０３１２１２３８", "420102198503121238", "1985-03-12", "M"], // full-width
    ["１１０１０５１９４９１２３１００２ｘ", "11010519491231002X", "1949-12-31", "F"], // full-width ｘ
    ["１１０１０５１９４９１２３１００２Ｘ", "11010519491231002X", "1949-12-31", "F"], // full-width Ｘ
    ["  420102198503121238  ", "420102198503121238", "1985-03-12", "M"], // surrounding spaces
    ["420102 19850312 1238", "420102198503121238", "1985-03-12", "M"], // grouped
    ["4201\u30000219850312\t1238", "420102198503121238", "1985-03-12", "M"], // ideographic space, tab
    ["420103200002294567", "420103200002294567", "2000-02-29", "F"], // Feb 29 of a leap year (2000)
    ["420103190001012349", "420103190001012349", "1900-01-01", "F"], // earliest accepted date
    [build("420103", "20250630", "123"), build("420103", "20250630", "123"), TODAY, "M"], // born today
    ["710000198001010010", "710000198001010010", "1980-01-01", "M"], // Taiwan
    ["820000198001010016", "820000198001010016", "1980-01-01", "M"], // Macao residence permit
    ["830000198001010026", "830000198001010026", "1980-01-01", "F"], // Taiwan residence permit
  ])("%s → %s", (input, value, birthDate, gender) => {
    expect(parse(input)).toEqual({ ok: true, value, birthDate, gender });
  });

  it.each([
    // 15-digit legacy numbers: YYMMDD means 19YYMMDD, the check character is computed.
    ["420102850312123", "420102198503121238", "1985-03-12", "M"],
    ["110105491231002", "11010519491231002X", "1949-12-31", "F"],
    ["４２０１０２ ８５０３１２ １２３", "420102198503121238", "1985-03-12", "M"],
  ])("legacy %s → %s", (input, value, birthDate, gender) => {
    expect(parse(input)).toEqual({ ok: true, value, birthDate, gender });
  });

  it("has valid constructed fixtures", () => {
    // Guard the hard-coded numbers above against typos in the table.
    expect(build("420103", "20000229", "456")).toBe("420103200002294567");
    expect(build("710000", "19800101", "001")).toBe("710000198001010010");
  });
});

describe("parseIdNumber: invalid numbers", () => {
  it.each([
    ["", REASON.empty],
    ["   ", REASON.empty],
    ["\u3000", REASON.empty],
    ["42010219850312123", REASON.length], // 17
    ["4201021985031212381", REASON.length], // 19
    ["4201021985031", REASON.length],
    ["420102198503121239", REASON.checkCharacter],
    ["420102198503121238".slice(0, 17) + "X", REASON.checkCharacter],
    ["42010219850312122x".slice(0, 17) + "0", REASON.checkCharacter],
    ["990102198503121238", REASON.area],
    ["000102198503121238", REASON.area],
    ["100102198503121238", REASON.area],
    ["840102198503121238", REASON.area],
    ["990102850312123", REASON.area], // legacy
    [build("420102", "19850230", "123"), REASON.birthDate], // Feb 30
    [build("420102", "19850229", "123"), REASON.birthDate], // Feb 29, 1985 not a leap year
    [build("420102", "19000229", "123"), REASON.birthDate], // 1900 is not a leap year
    [build("420102", "19851301", "123"), REASON.birthDate], // month 13
    [build("420102", "19850001", "123"), REASON.birthDate], // month 00
    [build("420102", "19850100", "123"), REASON.birthDate], // day 00
    [build("420102", "19850431", "123"), REASON.birthDate], // April 31
    [build("420102", "18991231", "123"), REASON.birthDate], // before 1900
    [build("420102", "20250701", "123"), REASON.birthDate], // tomorrow
    [build("420102", "20300101", "123"), REASON.birthDate], // future
    ["420102850230123", REASON.birthDate], // legacy Feb 30
    ["4201021985O3121238", REASON.characters], // letter O in the middle
    ["42010219850312123A", REASON.characters], // only X may end the number
    ["X20102198503121238", REASON.characters],
    ["420102-19850312-1238", REASON.characters],
    ["42010285031212X", REASON.characters], // legacy numbers have no check character
  ])("%j → %s", (input, reason) => {
    expect(parse(input)).toEqual({ ok: false, reason });
  });

  it("decides 'the future' against the today option", () => {
    const id = build("420102", "20250701", "123");
    expect(parseIdNumber(id, { today: "2025-06-30" }).ok).toBe(false);
    expect(parseIdNumber(id, { today: "2025-07-01" }).ok).toBe(true);
  });

  it("rejects a malformed today option as a programming error", () => {
    expect(() => parseIdNumber("420102198503121238", { today: "2025/06/30" })).toThrow(RangeError);
  });

  it("defaults today to the current date in Asia/Shanghai", () => {
    // 16:30 UTC on Dec 31 is already Jan 1 in China (UTC+8).
    expect(todayInShanghai(new Date("2024-12-31T16:30:00Z"))).toBe("2025-01-01");
    expect(todayInShanghai(new Date("2024-12-31T15:59:59Z"))).toBe("2024-12-31");
    expect(parseIdNumber("420102198503121238").ok).toBe(true);
  });
});

describe("maskIdNumber", () => {
  it.each([
    ["420102198503121238", "4201**********1238"],
    ["11010519491231002X", "1101**********002X"],
    ["12345678", "********"],
    ["", ""],
  ])("%s → %s", (value, masked) => {
    expect(maskIdNumber(value)).toBe(masked);
  });
});

// Arbitraries for the property-based tests.
const provinceArb = fc.constantFrom(
  ..."11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 50 51 52 53 54 61 62 63 64 65 71 81 82 83".split(
    " ",
  ),
);
const digitsArb = (length: number) =>
  fc.string({ unit: fc.constantFrom(..."0123456789"), minLength: length, maxLength: length });
const birthDateArb = fc
  .date({ min: new Date("1900-01-01T00:00:00Z"), max: new Date(`${TODAY}T00:00:00Z`), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const idPartsArb = fc.record({
  area: fc.tuple(provinceArb, digitsArb(4)).map(([p, rest]) => p + rest),
  birthDate: birthDateArb,
  sequence: digitsArb(3),
});
const validIdArb = idPartsArb.map(({ area, birthDate, sequence }) =>
  build(area, birthDate.replaceAll("-", ""), sequence),
);

describe("parseIdNumber: properties", () => {
  it("parses any well-formed number and round-trips birth date and gender", () => {
    fc.assert(
      fc.property(idPartsArb, ({ area, birthDate, sequence }) => {
        const value = build(area, birthDate.replaceAll("-", ""), sequence);
        const gender = Number(sequence.at(-1)) % 2 === 1 ? "M" : "F";
        expect(parse(value)).toEqual({ ok: true, value, birthDate, gender });
      }),
    );
  });

  it("rejects any other check character", () => {
    fc.assert(
      fc.property(validIdArb, fc.constantFrom(..."0123456789Xx"), (value, other) => {
        fc.pre(other.toUpperCase() !== value.charAt(17));
        expect(parse(value.slice(0, 17) + other)).toEqual({ ok: false, reason: REASON.checkCharacter });
      }),
    );
  });

  it("parses the full-width form to the same value", () => {
    fc.assert(
      fc.property(validIdArb, fc.boolean(), (value, lowerX) => {
        const input = toFullWidth(lowerX ? value.toLowerCase() : value);
        expect(parse(input)).toEqual(parse(value));
      }),
    );
  });

  it("accepts an 8-digit birth date exactly when it is a real date in range", () => {
    fc.assert(
      fc.property(digitsArb(8), (yyyymmdd) => {
        const iso = `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6)}`;
        const asDate = new Date(`${iso}T00:00:00Z`);
        const real = !Number.isNaN(asDate.getTime()) && asDate.toISOString().startsWith(iso);
        const expected = real && iso >= "1900-01-01" && iso <= TODAY;
        expect(parse(build("420102", yyyymmdd, "123")).ok).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });

  it("masking keeps length 18 and never reveals positions 5–14", () => {
    fc.assert(
      fc.property(validIdArb, digitsArb(10), (value, otherMiddle) => {
        const masked = maskIdNumber(value);
        expect(masked).toHaveLength(18);
        expect(masked.slice(4, 14)).toBe("**********");
        expect(masked.slice(0, 4) + masked.slice(14)).toBe(value.slice(0, 4) + value.slice(14));
        // The masked form does not depend on the hidden part at all.
        expect(maskIdNumber(value.slice(0, 4) + otherMiddle + value.slice(14))).toBe(masked);
      }),
    );
  });
});

describe("normalizeName", () => {
  it.each([
    ["张三", "张三"],
    ["  张三  ", "张三"], // trimming
    ["\u3000张三\u3000", "张三"], // full-width spaces
    ["Ｊｏｈｎ　Ｓｍｉｔｈ", "John Smith"], // NFKC: full-width letters and space
    ["John   \t Smith", "John Smith"], // collapsing
    ["John\u3000\u3000Smith", "John Smith"],
    ["买买提·艾力", "买买提·艾力"],
    ["买买提 · 艾力", "买买提·艾力"],
    ["买买提\u3000·\u3000艾力", "买买提·艾力"],
    ["买买提.艾力", "买买提·艾力"], // ASCII dot between letters
    ["买买提 . 艾力", "买买提·艾力"],
    ["爱新觉罗．溥仪", "爱新觉罗·溥仪"], // full-width full stop
    ["Mary.张", "Mary·张"],
    ["J.R.R. Tolkien", "J.R.R. Tolkien"], // abbreviations between Latin letters stay
    ["张三.", "张三."], // a dot not between letters is left alone
    ["𠮷田", "𠮷田"], // outside the BMP
    ["𠮷 · 野家", "𠮷·野家"],
    ["  𪚥\u3000𠀀  ", "𪚥 𠀀"],
  ])("%j → %j", (input, expected) => {
    expect(normalizeName(input)).toBe(expected);
  });

  it.each([
    ["U+00B7 middle dot", "\u00B7"],
    ["U+2022 bullet", "\u2022"],
    ["U+2027 hyphenation point", "\u2027"],
    ["U+30FB katakana middle dot", "\u30FB"],
    ["U+FF65 half-width katakana middle dot", "\uFF65"],
    ["U+FF0E full-width full stop", "\uFF0E"],
    ["U+002E full stop", "."],
    ["U+16EB runic single punctuation", "\u16EB"],
    ["U+22C5 dot operator", "\u22C5"],
    ["U+2219 bullet operator", "\u2219"],
    ["U+0387 Greek ano teleia", "\u0387"],
    ["U+2E31 word separator middle dot", "\u2E31"],
    ["U+A78F Latin letter sinological dot", "\uA78F"],
  ])("turns %s into U+00B7", (_label, dot) => {
    expect(normalizeName(`买买提${dot}艾力`)).toBe("买买提·艾力");
    expect(normalizeName(` 买买提 ${dot}  艾力 `)).toBe("买买提·艾力");
  });

  it("keeps characters outside the BMP intact (NFKC does not break surrogate pairs)", () => {
    const name = "\u{20BB7}\u{2A6A5}\u{30000}";
    const normalized = normalizeName(name);
    expect(normalized).toBe(name);
    expect([...normalized].map((c) => c.codePointAt(0))).toEqual([0x20bb7, 0x2a6a5, 0x30000]);
    expect(normalized).toHaveLength(6); // three surrogate pairs
  });

  it("is idempotent", () => {
    const special = fc.constantFrom(
      " ", "\u3000", "\t", ".", "．", "·", "•", "‧", "・", "･", "᛫", "⋅", "∙", "\u0387", "\u2E31", "\uA78F",
      "张", "𠮷", "A", "ｂ", "e", "\u0301", "1",
    ); // prettier-ignore
    const unit = fc.oneof(special, fc.string({ unit: "binary", minLength: 1, maxLength: 1 }));
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 20 }), (input) => {
        const once = normalizeName(input);
        expect(normalizeName(once)).toBe(once);
      }),
      { numRuns: 1000 },
    );
  });
});

describe("validateName", () => {
  it.each([
    ["张三", "张三"],
    ["  买买提 • 艾力 ", "买买提·艾力"],
    ["John Smith", "John Smith"],
    ["Ｊｏｈｎ", "John"],
    ["陈 大文", "陈 大文"],
    ["𠮷田", "𠮷田"],
    ["张".repeat(50), "张".repeat(50)],
    ["𠮷".repeat(50), "𠮷".repeat(50)], // 50 code points, 100 UTF-16 units
    ["José Núñez", "José Núñez"],
    ["Jose\u0301", "José"], // a combining accent NFKC composes
    ["阿依古丽·买买提", "阿依古丽·买买提"],
  ])("%j is valid as %j", (input, value) => {
    expect(validateName(input)).toEqual({ ok: true, value });
  });

  it.each([
    ["", "请输入姓名"],
    ["   ", "请输入姓名"],
    ["\u3000\u3000", "请输入姓名"],
    ["张三1", "姓名中不能包含数字"],
    ["张三１", "姓名中不能包含数字"], // full-width digit
    ["张三\u0661", "姓名中不能包含数字"], // Arabic-Indic digit
    ["张".repeat(51), "姓名不能超过50个字符"],
    ["𠮷".repeat(51), "姓名不能超过50个字符"],
    ["A".repeat(51), "姓名不能超过50个字符"],
    ["张\u202E三", NAME_REASONS.invisible], // right-to-left override
    ["张\u200B三", NAME_REASONS.invisible], // zero-width space
    ["张\u200D三", NAME_REASONS.invisible], // zero-width joiner
    ["张三\u0007", NAME_REASONS.invisible], // a control character
    ["张\uD800三", NAME_REASONS.invisible], // a lone surrogate
    ["张\u0301三", NAME_REASONS.invisible], // a combining mark with nothing to compose with
  ])("%j → %s", (input, reason) => {
    expect(validateName(input)).toEqual({ ok: false, reason });
  });

  it("counts code points after normalization", () => {
    // 50 characters plus surrounding and doubled spaces still fit.
    expect(validateName(`  ${"张".repeat(25)}   ${"张".repeat(24)}  `).ok).toBe(true);
  });
});
