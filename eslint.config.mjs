import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores(["public/**", ".next/**", ".next-*/**", "out/**", "build/**", "next-env.d.ts", "src/generated/**", ".data/**", "test-results/**", "playwright-report/**"]),
  // The bare page fixture of npm run bench:pages: its own Next.js app; its sources are linted.
  globalIgnores(["scripts/bench/bare-app/.next/**", "scripts/bench/bare-app/next-env.d.ts"]),
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/ban-ts-comment": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // Playwright fixtures receive a `use` callback, which the React hooks rule mistakes for a hook.
    files: ["tests/e2e/**/*.ts"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  {
    // Configuration is read in one validated module (src/lib/env.ts), nowhere else in the app.
    files: ["src/**/*.{ts,tsx}"],
    ignores: ["src/lib/env.ts"],
    rules: {
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Read configuration through src/lib/env.ts." },
      ],
    },
  },
]);
