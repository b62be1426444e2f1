// Benchmark: npx tsx scripts/bench/flow-json.ts — median validation time vs JSON.parse of the same text.
// Issue 5 target for the ~100 KB generated flow: median < 10 ms and < 5× JSON.parse (exit code 1 otherwise).
import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { validateFlowJson } from "../../lib/flow-json";
import { generateLargeFlow } from "./support/large-flow";

const corpusDir = path.resolve(__dirname, "../../lib/examples/corpus/meta-examples");
const seedDir = path.resolve(__dirname, "../../lib/examples/corpus/seed-examples");
const files = [
  ...readdirSync(corpusDir).map((f) => path.join(corpusDir, f)),
  ...readdirSync(seedDir).map((f) => path.join(seedDir, f)),
].filter((f) => f.endsWith(".json") && !f.includes("snippets"));
const largest = files.sort((a, b) => statSync(b).size - statSync(a).size)[0]!;

/**
 * Median of validateFlowJson(text) and of JSON.parse(text), measured in the same run on the same text.
 * The two are interleaved (one of each per round) so that load from other processes hits both alike,
 * after a warm-up long enough for the optimizing compiler to settle.
 */
function measure(text: string, warmup = 300, rounds = 600): { validate: number; parse: number } {
  for (let i = 0; i < warmup; i++) {
    validateFlowJson(text);
    JSON.parse(text);
  }
  const v: number[] = [];
  const p: number[] = [];
  for (let i = 0; i < rounds; i++) {
    let a = performance.now();
    validateFlowJson(text);
    v.push(performance.now() - a);
    a = performance.now();
    JSON.parse(text);
    p.push(performance.now() - a);
  }
  const med = (t: number[]) => t.sort((x, y) => x - y)[t.length >> 1]!;
  return { validate: med(v), parse: med(p) };
}

let failed = false;
for (const [label, text, target] of [
  [`largest corpus flow (${path.basename(largest)})`, readFileSync(largest, "utf8"), undefined],
  ["generated flow", generateLargeFlow(), 5],
] as const) {
  const r = validateFlowJson(text);
  const components = (JSON.parse(text).screens as { layout: { children: unknown[] } }[]).reduce(
    (n, s) => n + s.layout.children.length,
    0,
  );
  const { validate: v, parse: p } = measure(text);
  console.log(
    `${label}: ${(text.length / 1024).toFixed(1)} KB, ${components} top-level components, ${r.errors.length} errors, ${r.warnings.length} warnings`,
  );
  console.log(
    `  validate median ${v.toFixed(3)} ms, JSON.parse median ${p.toFixed(3)} ms, ratio ${(v / p).toFixed(1)}×${target ? ` (target: < 10 ms and < ${target}×)` : ""}`,
  );
  if (target && (v >= 10 || v / p >= target)) failed = true;
}
if (failed) {
  console.log("generated flow: over target");
  process.exitCode = 1;
}
