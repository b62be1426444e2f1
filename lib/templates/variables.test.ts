import { describe, expect, it } from "vitest";
import { fillVariables, scanVariables } from "./variables";

describe("scanVariables", () => {
  it("counts distinct numbered variables and reports gaps and malformed placeholders", () => {
    expect(scanVariables("Hi {{1}}, {{1}} again and {{3}}")).toEqual({
      numbers: [1, 3],
      count: 3,
      malformed: [],
      missing: [2],
    });
    expect(scanVariables("Hi {{ 1 }} {{name}}")).toMatchObject({
      count: 0,
      malformed: ["{{ 1 }}", "{{name}}"],
    });
    expect(scanVariables("No variables")).toEqual({ numbers: [], count: 0, malformed: [], missing: [] });
  });
});

describe("fillVariables", () => {
  it("replaces variables by position and keeps those without a value visible", () => {
    expect(fillVariables("Hi {{1}}, see you {{2}}", ["Jane"])).toBe("Hi Jane, see you {{2}}");
  });
});
