import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [
      ".next/**",
      ".next-*/**",
      "node_modules/**",
      "lib/generated/**",
      "test-results/**",
      "playwright-report/**",
      ".flowport/**",
      "next-env.d.ts",
      "public/monaco/**",
    ],
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // Configuration is read in one place (lib/env.ts); scripts, tests and the proxy run outside it.
    files: ["app/**", "components/**", "lib/**"],
    ignores: ["lib/env.ts", "lib/logger.ts", "lib/testing/**", "**/*.test.ts", "**/*.test.tsx"],
    rules: {
      "no-restricted-properties": [
        "error",
        {
          object: "process",
          property: "env",
          message: "Read configuration through getEnv() from @/lib/env.",
        },
      ],
    },
  },
  {
    // The pure engines run in the browser, the CLI and the simulator alike.
    files: ["lib/flow-json/**", "lib/preview/**"],
    ignores: ["**/*.test.ts", "**/*.test.tsx"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            "react",
            "react-dom",
            "next",
            "next/*",
            "@prisma/*",
            "@/lib/generated/*",
            "@/lib/db",
            "@/lib/db/*",
            "node:*",
          ],
        },
      ],
    },
  },
];

export default config;
