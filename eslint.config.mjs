import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

const config = [
  ...nextCoreWebVitals,
  ...nextTypescript,
  { ignores: ["lib/generated/**", ".next/**", ".data/**", "node_modules/**", "test-results/**", "playwright-report/**", "next-env.d.ts"] },
  {
    // lib/env.ts is the only reader of process.env.
    files: ["**/*.ts", "**/*.tsx"],
    // The launcher and the test setup compose the environment of the processes they start; they read
    // settings through lib/env.ts like everything else.
    ignores: ["lib/env.ts", "lib/launcher/**", "lib/testing/**", "prisma.config.ts", "playwright.config.ts"],
    rules: {
      "no-restricted-properties": ["error", { object: "process", property: "env", message: "Read settings through lib/env.ts." }],
    },
  },
];

export default config;
