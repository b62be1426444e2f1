import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { validateFlowJson } from "./index";

// Robustness (spec §14): truncated or mutated corpus documents never make the validator throw, and every
// position it reports lies inside the text.
const CORPUS = path.resolve(__dirname, "../examples/corpus");
const files = ["meta-examples", "seed-examples"].flatMap((d) =>
  readdirSync(path.join(CORPUS, d))
    .filter((f) => f.endsWith(".json"))
    .map((f) => path.join(CORPUS, d, f)),
);
const MUTATIONS = [
  "",
  "}",
  "]",
  ",",
  '"',
  "{",
  "[",
  "null",
  "1e999",
  '"${data.',
  "`",
  "\\",
  "\n",
  '":',
  "true",
];

function assertSane(text: string): void {
  const r = validateFlowJson(text);
  const lines = text.split("\n");
  for (const p of [...r.errors, ...r.warnings]) {
    expect(p.lineStart).toBeGreaterThanOrEqual(1);
    expect(p.lineEnd).toBeGreaterThanOrEqual(p.lineStart);
    expect(p.lineEnd).toBeLessThanOrEqual(lines.length);
    expect(p.columnStart).toBeGreaterThanOrEqual(1);
    expect(p.columnStart).toBeLessThanOrEqual(lines[p.lineStart - 1]!.length + 1);
    expect(p.columnEnd).toBeLessThanOrEqual(lines[p.lineEnd - 1]!.length + 1);
    expect(typeof p.message).toBe("string");
  }
}

describe("fuzz: truncated and mutated corpus files", () => {
  for (const file of files)
    it(path.basename(file), () => {
      const text = readFileSync(file, "utf8");
      let seed = text.length;
      const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
      for (let k = 1; k <= 40; k++) assertSane(text.slice(0, Math.floor((text.length * k) / 41)));
      for (let k = 0; k < 60; k++) {
        const at = Math.floor(rand() * text.length);
        const cut = Math.floor(rand() * 4);
        const m = MUTATIONS[k % MUTATIONS.length]!;
        assertSane(text.slice(0, at) + m + text.slice(at + cut));
      }
      // Valid JSON with wrong shapes: replace values by other JSON types.
      const value = JSON.parse(text) as unknown;
      const shapes: unknown[] = [null, 0, "", [], {}, true, "${data.x}", "`${form.y} +`"];
      let n = 0;
      const walk = (v: unknown, replace: (x: unknown) => void) => {
        if (n > 80 || v === null || typeof v !== "object") return;
        for (const key of Object.keys(v)) {
          const obj = v as Record<string, unknown>;
          const old = obj[key];
          for (const s of shapes.slice(n % 4, (n % 4) + 2)) {
            obj[key] = s;
            assertSane(JSON.stringify(value, null, 1));
          }
          obj[key] = old;
          n++;
          walk(old, replace);
        }
      };
      walk(value, () => {});
    });
});
