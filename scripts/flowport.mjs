#!/usr/bin/env node
// flowport CLI: `flowport validate [--json] <file…>`. Loads the TypeScript engine through tsx, so it runs
// from a fresh clone without a build step. Exit: 0 all valid, 1 any invalid, 2 a file cannot be read.
import { readFile } from "node:fs/promises";
import { tsImport } from "tsx/esm/api";

const { validateFlowJson } = await tsImport("../lib/flow-json/index.ts", import.meta.url);

const USAGE = "usage: flowport validate [--json] <file…>";
const [command, ...rest] = process.argv.slice(2);
if (command !== "validate") {
  console.error(USAGE);
  process.exit(2);
}
const json = rest.includes("--json");
const files = rest.filter((a) => a !== "--json");
if (files.length === 0) {
  console.error(USAGE);
  process.exit(2);
}

const results = [];
let unreadable = false;
for (const file of files) {
  let text;
  try {
    text = await readFile(file, "utf8");
  } catch (e) {
    unreadable = true;
    const problem = {
      error: "FILE_NOT_READABLE",
      errorType: "CLI_ERROR",
      message: `Cannot read ${file}: ${e.code ?? e.message}.`,
      lineStart: 1,
      lineEnd: 1,
      columnStart: 1,
      columnEnd: 1,
      pointers: [],
    };
    results.push({ file, valid: false, version: null, errors: [problem], warnings: [], unreadable: true });
    continue;
  }
  const r = validateFlowJson(text);
  results.push({ file, valid: r.valid, version: r.version, errors: r.errors, warnings: r.warnings });
}

if (json) {
  process.stdout.write(
    JSON.stringify(
      results.map(({ unreadable: _u, ...r }) => r),
      null,
      2,
    ) + "\n",
  );
} else {
  let errors = 0,
    warnings = 0;
  for (const r of results) {
    for (const p of r.errors)
      console.log(`${r.file}:${p.lineStart}:${p.columnStart} ${p.error} ${p.message}`);
    for (const p of r.warnings)
      console.log(`${r.file}:${p.lineStart}:${p.columnStart} warning ${p.error} ${p.message}`);
    errors += r.errors.length;
    warnings += r.warnings.length;
  }
  const invalid = results.filter((r) => !r.valid).length;
  console.log(
    `${results.length} file(s): ${results.length - invalid} valid, ${invalid} invalid; ${errors} error(s), ${warnings} warning(s).`,
  );
}
process.exit(unreadable ? 2 : results.some((r) => !r.valid) ? 1 : 0);
