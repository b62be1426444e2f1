// Generates the Prisma client into lib/generated (git-ignored) after `npm install`. The CLI reads the
// schema's datasource URL even though generation never connects, so a placeholder stands in when unset.
import { execFileSync } from "node:child_process";
import { bin, root } from "./lib/run.mjs";

execFileSync(bin("prisma"), ["generate"], {
  cwd: root,
  stdio: "inherit",
  env: {
    ...process.env,
    DATABASE_URL: process.env.DATABASE_URL || "postgresql://placeholder@localhost/placeholder",
  },
});
