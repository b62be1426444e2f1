#!/usr/bin/env node
// `npm run bench [name…]`: runs the benchmarks in this folder (each prints its own figures).
import { readdirSync } from "node:fs";
import path from "node:path";
import { bin, root, run } from "../lib/run.mjs";

const dir = path.join(root, "scripts", "bench");
const wanted = process.argv.slice(2);
const benches = readdirSync(dir)
  .filter((file) => /\.(ts|mjs)$/.test(file) && file !== "run.mjs")
  .filter((file) => wanted.length === 0 || wanted.some((name) => file.startsWith(name)));
for (const file of benches) {
  console.log(`\n## ${file}`);
  await run(bin("tsx"), ["--conditions=react-server", path.join(dir, file)]);
}
