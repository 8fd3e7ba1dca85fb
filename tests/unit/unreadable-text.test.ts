import { describe, expect, it } from "vitest";
import { findUnreadableText, isUnreadableText } from "../../src/lib/unreadable-text";

describe("unreadable text", () => {
  it("finds a NUL or a lone surrogate, and passes every real character", () => {
    for (const bad of ["a\u0000b", "\uD800", "x\uDC00", "\uDBFF\uDBFF\uDC00"]) expect(isUnreadableText(bad)).toBe(true);
    // Pairs (an emoji, a rare Han character of a name), middle dots, full-width forms, minorities' names.
    for (const good of ["😀", "𠀾", "阿依·买买提", "ＡＢＣ１２３", "欧阳娜娜", "", "tab\tand\nnewline"]) {
      expect(isUnreadableText(good)).toBe(false);
    }
  });

  it("names the first field that holds it, through arrays, objects and keys", () => {
    expect(findUnreadableText({ name: "张三", employer: "某\u0000单位" })).toBe("employer");
    expect(findUnreadableText({ answers: ["a", "b\uD800"] })).toBe("answers.1");
    expect(findUnreadableText({ "k\u0000": 1 })).toBe("_form");
    expect(findUnreadableText("\u0000")).toBe("_form");
    expect(findUnreadableText({ n: 1, ok: true, list: [null, { deep: "fine" }] })).toBeNull();
  });
});
