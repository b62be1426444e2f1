import { defineConfig } from "vitest/config";
import path from "node:path";

const sources = [
  "lib/**/*.test.ts",
  "lib/**/*.test.tsx",
  "components/**/*.test.ts",
  "components/**/*.test.tsx",
  "scripts/**/*.test.ts",
];
const integration = ["**/*.integration.test.ts"];

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // server-only throws outside a React Server Component bundle; tests run the same code on plain Node.
      "server-only": path.resolve(import.meta.dirname, "lib/testing/server-only-stub.ts"),
    },
  },
  test: {
    environment: "node",
    setupFiles: ["lib/testing/setup-env.ts"],
    testTimeout: 20_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: { name: "unit", include: sources, exclude: [...integration, "node_modules/**"] },
      },
      // Integration tests share one real PostgreSQL database, so their files run one after another.
      {
        extends: true,
        test: {
          name: "integration",
          include: integration,
          exclude: ["node_modules/**"],
          fileParallelism: false,
        },
      },
    ],
  },
});
