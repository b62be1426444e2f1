import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { validateFlowJson } from "./index";

const CORPUS = path.resolve(__dirname, "../examples/corpus");
const read = (dir: string, f: string) => readFileSync(path.join(CORPUS, dir, f), "utf8");
const codes = (text: string) => validateFlowJson(text).errors.map((e) => `${e.error}@${e.pointers[0]?.path}`);

// Verdicts from the corpus READMEs: < 5.1 files carry exactly the retired-version error.
const META_INVALID: Record<string, string[]> = {
  "pywa-6.2-navigation-list.json": [
    "INVALID_NAVIGATE_ACTION_NEXT_SCREEN_NAME@screens[0].layout.children[0].list-items[2].on-click-action.next.name",
    "INVALID_NAVIGATE_ACTION_PAYLOAD@screens[0].layout.children[0].list-items[3].on-click-action.payload",
    "INVALID_NAVIGATE_ACTION_PAYLOAD@screens[0].layout.children[0].list-items[4].on-click-action.payload.first_name",
  ],
};
const SEED_INVALID: Record<string, string[]> = {
  "component-reference-contact-preferences.json": [
    "INVALID_TEXT_DYNAMIC_DATA@screens[1].layout.children[0].text",
  ],
  // Kept invalid: §8.17/§8.18 [B] and §15.2 item 4 say PhotoPicker has no `required` (use min-uploaded-photos ≥ 1); the seed's own reference is the lower-ranked [8] source (§15).
  "professional-services-appointment-booking.json": [
    "INVALID_PROPERTY_KEY@screens[2].layout.children[2].children[1].required",
  ],
  // Kept invalid: §5.1 id pattern ^[a-zA-Z,_]+$ (6.1) and §15.2 item 12 name APPOINTMENT_SCREEN_1 as invalid; schema errors stop validation, so its 'today'/'+30d' dates (C11) are not reported too.
  "technical-overview-appointment-booking.json": ["PATTERN_MISMATCH@screens[0].id"],
};
const META_FILES = readdirSync(path.join(CORPUS, "meta-examples")).filter((f) => f.endsWith(".json"));
const SEED_FILES = readdirSync(path.join(CORPUS, "seed-examples")).filter(
  (f) => f.endsWith(".json") && !f.includes("snippets"),
);

describe("corpus", () => {
  it("has the documented fixture counts", () => {
    expect(META_FILES).toHaveLength(43);
    expect(SEED_FILES).toHaveLength(10);
  });
  for (const [dir, files, invalid] of [
    ["meta-examples", META_FILES, META_INVALID],
    ["seed-examples", SEED_FILES, SEED_INVALID],
  ] as const)
    for (const f of files)
      it(`${dir}/${f}`, () => {
        const text = read(dir, f);
        const version = JSON.parse(text).version as string;
        const expected =
          (invalid as Record<string, string[]>)[f] ??
          (Number(version) < 5.1 ? ["UNSUPPORTED_FLOW_JSON_VERSION@version"] : []);
        expect(codes(text)).toEqual(expected);
      });
  it("truncated loan application is a syntax error with a position", () => {
    const r = validateFlowJson(read("seed-examples", "loan-application.truncated.txt"));
    expect(r.valid).toBe(false);
    expect(r.errors[0]).toMatchObject({ error: "INVALID_FLOW_JSON", lineStart: 1 });
  });
  it("error shape matches the 8x8 API sample", () => {
    const sample = JSON.parse(read("seed-api-examples", "flow-create-response--with-validation-errors.json"))
      .validationErrors[0];
    const mine = validateFlowJson(read("seed-examples", "component-reference-contact-preferences.json"))
      .errors[0]!;
    expect(Object.keys(mine).sort()).toEqual(Object.keys(sample).sort());
    expect(Object.keys(mine.pointers[0]!).sort()).toEqual(Object.keys(sample.pointers[0]).sort());
    expect(mine).toMatchObject({ lineStart: 88, columnStart: 21, errorType: "FLOW_JSON_ERROR" });
  });
  it("retail exchange_pref without input-type is only a warning (AT-JSON-1)", () => {
    const r = validateFlowJson(read("seed-examples", "retail-product-return-exchange.json"));
    expect(r.valid).toBe(true);
    expect(r.warnings.map((w) => w.error)).toContain("PORTAL_MISSING_INPUT_TYPE");
  });
});
