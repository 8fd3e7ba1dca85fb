import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([
    "public/**",
    ".next/**",
    ".next-*/**",
    "out/**",
    "build/**",
    "next-env.d.ts",
    "src/generated/**",
    ".data/**",
    "test-results/**",
    "playwright-report/**",
  ]),
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
  // Layers (README, architecture): the domain is pure; components reach the server only through
  // server actions (and types); pages and route handlers reach the database only through
  // src/server functions.
  {
    files: ["src/domain/**/*.{ts,tsx}"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: [
                "@/server/*",
                "@/app/*",
                "@/components/*",
                "@/generated/*",
                "next",
                "next/*",
                "react",
                "react-dom",
                "node:*",
                "pg",
                "@prisma/*",
                "../server/*",
                "../../server/*",
              ],
              message: "src/domain is pure rules: no server, framework, database or Node.js imports.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["src/components/**/*.{ts,tsx}"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/server/*", "!@/server/actions", "!@/server/actions/*"],
              allowTypeImports: true,
              message: "Components call the server through src/server/actions (types may be imported).",
            },
            {
              group: ["@/generated/prisma/client", "pg", "@prisma/*"],
              allowTypeImports: true,
              message: "Components never touch the database.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["src/app/**/*.{ts,tsx}"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/server/db", "@/server/sql", "@/generated/prisma/client", "pg", "@prisma/*"],
              allowTypeImports: true,
              message: "Pages and route handlers read and write through src/server functions, not the database.",
            },
          ],
        },
      ],
    },
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
