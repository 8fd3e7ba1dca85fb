// The public pages as a visitor without a session sees them: built once (static), under
// /signed-out, and served in place of the address asked for by src/proxy.ts. Signed in, the same
// addresses render per request with the learner's or staff member's own header and content.
export const SIGNED_OUT_PAGES: ReadonlyMap<string, string> = new Map([
  ["/", "/signed-out"],
  ["/login", "/signed-out/login"],
  ["/help", "/signed-out/help"],
  ["/help/contacts", "/signed-out/help/contacts"],
]);
