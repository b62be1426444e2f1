#!/usr/bin/env node
// `npm test`: every layer, each under its own time limit — lint, types, unit and integration tests on a
// real PostgreSQL, the production build, and Playwright end-to-end tests in Debian's Chromium.
// Ends with one line "N passed, N failed" summing the test runners.
import { spawn } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { localSecrets } from "./lib/local-secrets.mjs";
import { prepareTestDatabases } from "./lib/test-databases.mjs";
import { bin, root } from "./lib/run.mjs";

// `npm test -- unit e2e` runs just those layers; arguments with a slash narrow them to those files.
const args = process.argv.slice(2);
const only = args.filter((arg) => !arg.includes("/"));
const files = args.filter((arg) => arg.includes("/"));
const wants = (layer) => only.length === 0 || only.includes(layer);
const reports = path.join(root, "test-results");

if (existsSync(path.join(root, ".env"))) process.loadEnvFile(path.join(root, ".env"));
const baseEnv = { ...process.env, ...localSecrets(path.join(root, ".flowport"), process.env) };
delete baseEnv.EIGHTBYEIGHT_API_URL; // tests run against the built-in simulator

function step(name, command, args, { env = baseEnv, minutes }) {
  console.log(`\n── ${name} ──`);
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: "inherit", env, cwd: root });
    const timer = setTimeout(() => {
      console.error(`${name} took longer than ${minutes} minutes and was stopped.`);
      child.kill("SIGTERM");
    }, minutes * 60_000);
    child.on("exit", (code) => {
      clearTimeout(timer);
      console.log(
        `── ${name}: ${code === 0 ? "ok" : "FAILED"} in ${((Date.now() - started) / 1000).toFixed(0)} s ──`,
      );
      resolve(code === 0);
    });
  });
}

function countVitest(file) {
  if (!existsSync(file)) return null;
  const report = JSON.parse(readFileSync(file, "utf8"));
  return {
    passed: report.numPassedTests ?? 0,
    failed: (report.numFailedTests ?? 0) + (report.numRuntimeErrorTestSuites ?? 0),
  };
}

function countPlaywright(file) {
  if (!existsSync(file)) return null;
  const { stats } = JSON.parse(readFileSync(file, "utf8"));
  return { passed: (stats?.expected ?? 0) + (stats?.flaky ?? 0), failed: stats?.unexpected ?? 0 };
}

rmSync(path.join(reports, "vitest.json"), { force: true });
rmSync(path.join(reports, "playwright.json"), { force: true });

let ok = true;
const databases = await prepareTestDatabases(baseEnv);
try {
  if (wants("lint"))
    ok = (await step("lint", bin("eslint"), [".", "--max-warnings=0"], { minutes: 10 })) && ok;
  if (wants("types"))
    ok = (await step("typecheck", bin("tsc"), ["--noEmit", "-p", "."], { minutes: 10 })) && ok;
  if (wants("unit")) {
    const env = { ...baseEnv, DATABASE_URL: databases.unitUrl, FLOWPORT_DEMO: "1" };
    ok =
      (await step(
        "unit and integration tests (vitest)",
        bin("vitest"),
        [
          "run",
          "--reporter=default",
          "--reporter=json",
          `--outputFile.json=${path.join(reports, "vitest.json")}`,
          ...files.filter((f) => !f.startsWith("e2e/")),
        ],
        { env, minutes: 20 },
      )) && ok;
  }
  if (wants("e2e")) {
    const env = { ...baseEnv, DATABASE_URL: databases.e2eUrl, FLOWPORT_DEMO: "1", NODE_ENV: "production" };
    const built = await step("production build", bin("next"), ["build"], { env, minutes: 20 });
    ok = built && ok;
    if (built)
      ok =
        (await step(
          "end-to-end tests (Playwright, Chromium)",
          bin("playwright"),
          ["test", ...files.filter((f) => f.startsWith("e2e/"))],
          { env, minutes: 30 },
        )) && ok;
  }
} finally {
  await databases.stop();
}

const counts = [
  countVitest(path.join(reports, "vitest.json")),
  countPlaywright(path.join(reports, "playwright.json")),
].filter(Boolean);
const passed = counts.reduce((sum, c) => sum + c.passed, 0);
const failed = counts.reduce((sum, c) => sum + c.failed, 0);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(ok && failed === 0 ? 0 : 1);
