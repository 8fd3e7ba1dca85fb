// Text that no column can hold: PostgreSQL refuses the NUL character in text, and a lone UTF-16
// surrogate is not a character at all (it cannot be encoded as UTF-8). Either in a form field or
// a JSON body would end as a database error; it is refused where input enters instead, with one
// message for every form and endpoint.

import { commonMessages } from "../messages/zh-CN/common";

/** The sentence lives in the message catalogue (src/messages/zh-CN/common.ts). */
export const UNREADABLE_TEXT_MESSAGE = commonMessages.unreadableText;

const UNREADABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Whether a string holds a NUL or a lone surrogate. */
export function isUnreadableText(text: string): boolean {
  return UNREADABLE.test(text);
}

/**
 * The path ("name", "answers.2") of the first string in a value (JSON or a form's fields, keys
 * included) that holds unreadable text, or null when there is none.
 */
export function findUnreadableText(value: unknown, path = ""): string | null {
  if (typeof value === "string") return isUnreadableText(value) ? path || "_form" : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findUnreadableText(value[i], path ? `${path}.${i}` : String(i));
      if (found !== null) return found;
    }
    return null;
  }
  if (value !== null && typeof value === "object" && !(value instanceof Blob)) {
    for (const [key, item] of Object.entries(value)) {
      if (isUnreadableText(key)) return path || "_form";
      const found = findUnreadableText(item, path ? `${path}.${key}` : key);
      if (found !== null) return found;
    }
  }
  return null;
}
