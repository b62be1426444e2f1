import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { getExample, listExamples } from "./index";

const corpusFiles = ["seed-examples", "meta-examples"].flatMap((dir) =>
  readdirSync(path.join(__dirname, "corpus", dir)).filter(
    (name) => name.endsWith(".json") && !name.includes("snippets"),
  ),
);

describe("listExamples", () => {
  const examples = listExamples();

  it("lists every corpus Flow once, with a unique slug", () => {
    expect(examples.map((example) => `${example.slug}.json`).sort()).toEqual([...corpusFiles].sort());
    expect(corpusFiles.length).toBeGreaterThanOrEqual(50);
  });

  it("reads name, origin and notes from the corpus READMEs", () => {
    expect(getExample("cpaas-lead-generation")).toMatchObject({
      title: "CPaaS Lead Generation & Demo Booking",
      origin: {
        label: "8x8 Chat Apps API and Flows reference",
        detail: "Sales & Marketing Flow Examples › CPaaS Lead Generation › Step 1",
      },
      version: "7.2",
      screens: 4,
      retired: false,
      valid: true,
      hasEndpoint: false,
    });
    expect(getExample("pywa-2.1-book-a-table")).toMatchObject({
      title: "Book a table",
      origin: {
        label: "pywa test fixtures (david-lev/pywa)",
        detail: "david-lev/pywa tests/data/flows/2_1/examples.json key book_a_table",
      },
      description: expect.stringContaining("version 2.1 is no longer publishable"),
      hasEndpoint: true,
    });
    expect(getExample("wft-3.1-survey")?.origin.label).toBe("Meta's WhatsApp-Flows-Tools repository");
  });

  it("counts a retired version as valid when it is the only error, as the corpus README says", () => {
    const hello = getExample("hello-world-create-flow");
    expect(hello).toMatchObject({ version: "5.0", retired: true, valid: true });
    expect(hello?.problems).toEqual([expect.stringMatching(/^UNSUPPORTED_FLOW_JSON_VERSION at version/)]);
  });

  it("marks the flows the validator rejects as invalid, naming the finding", () => {
    const list = getExample("pywa-6.2-navigation-list");
    expect(list).toMatchObject({ valid: false, retired: false });
    expect(
      list?.problems.some((problem) =>
        problem.startsWith("INVALID_NAVIGATE_ACTION_NEXT_SCREEN_NAME at screens[0]"),
      ),
    ).toBe(true);
    expect(getExample("component-reference-contact-preferences")?.valid).toBe(false);
  });

  it("lists the drawn component types, and keeps the file text as stored", () => {
    const chips = getExample("pywa-6.3-chips-selector");
    expect(chips?.components).toEqual(["ChipsSelector"]);
    expect(JSON.parse(chips?.flowJson ?? "")).toMatchObject({ version: "6.3" });
    expect(getExample("no-such-example")).toBeNull();
  });
});
