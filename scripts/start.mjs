#!/usr/bin/env node
// `npm start` (production) and `npm run dev`: fills the embedded defaults, migrates, seeds the demo,
// builds when the build is missing or older than the sources, then runs the server until stopped: in production
// scripts/server.ts (Next.js plus the webhook fast path), in development `next dev`.
import { spawn } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { startEmbeddedPostgres } from "./lib/embedded-postgres.mjs";
import { localSecrets } from "./lib/local-secrets.mjs";
import { bin, root, run, runTsx } from "./lib/run.mjs";

const dev = process.argv.includes("--dev");
const stateDir = path.join(root, ".flowport");

if (existsSync(path.join(root, ".env"))) process.loadEnvFile(path.join(root, ".env"));

const env = { ...process.env };
const usesEmbeddedDatabase = !env.DATABASE_URL;
const demo = usesEmbeddedDatabase && !env.EIGHTBYEIGHT_API_URL;
env.PORT ||= "3000";
env.NEXTAUTH_URL ||= `http://localhost:${env.PORT}`;
if (demo) env.FLOWPORT_DEMO = "1";

const generated = localSecrets(stateDir, env);
Object.assign(env, generated);
if (!usesEmbeddedDatabase && Object.keys(generated).length > 0) {
  console.warn(
    `Using generated ${Object.keys(generated).join(", ")} from .flowport/secrets.json. ` +
      "Set them in the environment when several instances share this database.",
  );
}

let database;
if (usesEmbeddedDatabase) {
  const port = Number(env.FLOWPORT_EMBEDDED_PG_PORT || 54329);
  console.log(`Starting the embedded PostgreSQL on port ${port} (data in .flowport/pgdata)…`);
  database = await startEmbeddedPostgres({
    dataDir: path.join(stateDir, "pgdata"),
    port,
    database: "flowport",
  });
  env.DATABASE_URL = database.url;
}

let server;
let stopping = false;
async function shutdown(code) {
  if (stopping) return;
  stopping = true;
  if (server && server.exitCode === null) {
    server.kill("SIGTERM");
    await new Promise((resolve) => server.once("exit", resolve));
  }
  await database?.stop().catch(() => {});
  process.exit(code);
}
process.on("SIGINT", () => shutdown(130));
process.on("SIGTERM", () => shutdown(143));

try {
  await runTsx(path.join(root, "scripts", "db.ts"), ["migrate"], { env });
  if (demo) await runTsx(path.join(root, "scripts", "db.ts"), ["seed", "--demo"], { env });
  if (!dev && buildIsStale()) {
    console.log("Building Flowport (first start or sources changed)…");
    await run(bin("next"), ["build"], { env: { ...env, NODE_ENV: "production" } });
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  await shutdown(1);
}

server = dev
  ? spawn(bin("next"), ["dev", "-p", env.PORT], { stdio: "inherit", env, cwd: root })
  : spawn(bin("tsx"), [path.join(root, "scripts", "server.ts")], {
      stdio: "inherit",
      env: { ...env, NODE_ENV: "production" },
      cwd: root,
    });
server.on("exit", (code) => shutdown(code ?? 0));
if (demo) {
  console.log(`\nFlowport demo: http://localhost:${env.PORT}  (admin@example.com / flowport-demo)\n`);
}

/** True when there is no production build, or a source file changed after it was made. */
function buildIsStale() {
  const buildId = path.join(root, env.NEXT_DIST_DIR || ".next", "BUILD_ID");
  if (!existsSync(buildId)) return true;
  const builtAt = statSync(buildId).mtimeMs;
  const sources = [
    "app",
    "components",
    "lib",
    "public",
    "next.config.mjs",
    "package.json",
    "package-lock.json",
    "postcss.config.mjs",
  ];
  return sources.some((entry) => newerThan(path.join(root, entry), builtAt));
}

function newerThan(target, time) {
  if (!existsSync(target)) return false;
  const stats = statSync(target);
  if (!stats.isDirectory()) return stats.mtimeMs > time;
  return readdirSync(target, { withFileTypes: true }).some(
    (entry) =>
      entry.name !== "generated" &&
      !/\.test\.tsx?$/.test(entry.name) &&
      newerThan(path.join(target, entry.name), time),
  );
}
