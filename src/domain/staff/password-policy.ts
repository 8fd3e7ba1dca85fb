// Staff passwords: at least 12 characters and not guessable. Length does most of the work;
// the checks below refuse the long-but-common shapes (a common word padded with digits,
// keyboard walks, repeated or sequential characters, the username itself).
export const MIN_STAFF_PASSWORD_LENGTH = 12;

const COMMON_WORDS = new Set([
  "password",
  "passwd",
  "admin",
  "administrator",
  "qwerty",
  "qwertyuiop",
  "asdfgh",
  "asdfghjkl",
  "zxcvbn",
  "zxcvbnm",
  "qazwsx",
  "qazwsxedc",
  "iloveyou",
  "woaini",
  "welcome",
  "letmein",
  "abc",
  "abcd",
  "abcdef",
  "abcdefg",
  "abcdefgh",
  "test",
  "root",
  "user",
  "guest",
  "super",
  "master",
  "changeme",
  "kuaiji",
  "caizheng",
  "wuhan",
  "hubei",
  "china",
  "whkjxx",
  "kjxx",
  "jixujiaoyu",
]);

const KEYBOARD_WALKS = [
  "1qaz2wsx3edc4rfv",
  "1q2w3e4r5t6y7u8i",
  "q1w2e3r4t5y6u7i8",
  "qwertyuiopasdfghjklzxcvbnm",
  "1234567890qwertyuiop",
];

const LEET: Record<string, string> = { "0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", $: "s" };

function isSequential(text: string): boolean {
  if (text.length < 4) return false;
  const step = text.charCodeAt(1) - text.charCodeAt(0);
  if (Math.abs(step) !== 1) return false;
  for (let i = 2; i < text.length; i++) if (text.charCodeAt(i) - text.charCodeAt(i - 1) !== step) return false;
  return true;
}

/** Returns a Chinese reason when the password is refused, or null when it is acceptable. */
export function checkStaffPassword(password: string, context: { username?: string } = {}): string | null {
  if ([...password].length < MIN_STAFF_PASSWORD_LENGTH) return `密码至少需要${MIN_STAFF_PASSWORD_LENGTH}个字符`;
  const lower = password.toLowerCase();
  if (new Set(lower).size <= 3) return "密码过于简单：重复字符太多";
  if (isSequential(lower)) return "密码过于简单：不能是连续的字符";
  if (KEYBOARD_WALKS.some((walk) => walk.includes(lower) || lower.includes(walk.slice(0, 12)))) {
    return "密码过于简单：不能是键盘上连续的按键";
  }
  const username = context.username?.toLowerCase();
  if (username && username.length >= 4 && lower.includes(username)) return "密码不能包含用户名";
  // A common word with digits or symbols around it ("Password2026!", "woaini1314520").
  const core = lower.replace(/^[^a-z]+|[^a-z]+$/g, "");
  const deLeeted = [...lower]
    .map((c) => LEET[c] ?? c)
    .join("")
    .replace(/^[^a-z]+|[^a-z]+$/g, "");
  if (core === "" && (new Set(lower).size <= 4 || isSequential(lower.replace(/[^0-9]/g, "")))) {
    return "密码过于简单：请不要只使用数字";
  }
  if (COMMON_WORDS.has(core) || COMMON_WORDS.has(deLeeted)) return "密码过于常见，请换一个不易猜到的密码";
  return null;
}
