import { verifyMessages as m } from "@/messages/zh-CN";

/** The code typed from paper; GET /verify?code= goes on to /verify/<code>. */
export function VerifyForm() {
  return (
    <form action="/verify" method="get" className="mt-6 space-y-3">
      <label htmlFor="code" className="block text-lg font-medium">
        {m.codeLabel}
      </label>
      <input
        id="code"
        name="code"
        required
        maxLength={40}
        autoComplete="off"
        autoCapitalize="characters"
        aria-describedby="code-hint"
        className="block min-h-12 w-full rounded-lg border border-slate-400 px-3 text-lg tracking-wider"
      />
      <p id="code-hint" className="text-base text-slate-600">
        {m.codeHint}
      </p>
      <button
        type="submit"
        className="min-h-12 rounded-lg bg-brand-700 px-6 text-lg font-medium text-white hover:bg-brand-800"
      >
        {m.submit}
      </button>
    </form>
  );
}
