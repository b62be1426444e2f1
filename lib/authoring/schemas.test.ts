import { describe, expect, it } from "vitest";
import { BLANK_FLOW_JSON } from "./blank-flow";
import { validateFlowJson } from "@/lib/flow-json";
import { createFlowSchema, describeSyntaxError, endpointUriSchema } from "./schemas";
import { toRemoteProblems } from "./remote-problems";

describe("authoring input", () => {
  it("the blank starting point is a valid 7.3 flow", () => {
    const result = validateFlowJson(BLANK_FLOW_JSON);
    expect(result).toMatchObject({ valid: true, version: "7.3", errors: [], warnings: [] });
  });

  it.each([
    ["", null],
    ["https://example.com/hook", "https://example.com/hook"],
    ["  https://example.com/a?b=1 ", "https://example.com/a?b=1"],
  ])("accepts the endpoint %j", (input, expected) => {
    expect(endpointUriSchema.parse(input)).toBe(expected);
  });

  it.each(["http://example.com/hook", "ftp://example.com", "example.com/hook", "https://"])(
    "refuses the endpoint %j",
    (input) => {
      expect(endpointUriSchema.safeParse(input).success).toBe(false);
    },
  );

  it("names the line and column where the text stops being JSON, and accepts duplicate keys (8x8 reports those)", () => {
    expect(describeSyntaxError('{\n  "version": "7.3",\n  "screens": [\n')).toMatch(
      /^line \d+, column \d+: /,
    );
    expect(describeSyntaxError('{"a": 1, "a": 2}')).toBeNull();
    expect(describeSyntaxError(BLANK_FLOW_JSON)).toBeNull();
  });

  it("requires a channel, a name and a category, and deduplicates categories", () => {
    const refused = createFlowSchema.safeParse({
      channelId: "",
      name: " ",
      categories: [],
      endpointUri: "",
      flowJson: BLANK_FLOW_JSON,
    });
    expect(refused.success).toBe(false);
    const paths = refused.error?.issues.map((issue) => issue.path[0]);
    expect(paths).toEqual(expect.arrayContaining(["channelId", "name", "categories"]));
    const parsed = createFlowSchema.parse({
      channelId: "5f3c1d2e-8a4b-4c6d-9e0f-1a2b3c4d5e6f",
      name: " Booking ",
      categories: ["SURVEY", "SURVEY"],
      endpointUri: "",
      flowJson: BLANK_FLOW_JSON,
    });
    expect(parsed).toMatchObject({ name: "Booking", categories: ["SURVEY"], endpointUri: null });
  });

  it("reads 8x8's validationErrors with missing fields as problems at the start of the text", () => {
    expect(
      toRemoteProblems([
        {
          message: "Invalid value found for property 'type'.",
          lineStart: 1,
          columnStart: 84,
          columnEnd: 92,
          pointers: [{ path: "screens[0].type" }],
        },
        {},
        "junk",
      ]),
    ).toEqual([
      {
        error: "VALIDATION_ERROR",
        errorType: "FLOW_JSON_ERROR",
        message: "Invalid value found for property 'type'.",
        lineStart: 1,
        lineEnd: 1,
        columnStart: 84,
        columnEnd: 92,
        pointers: [{ path: "screens[0].type", lineStart: 1, lineEnd: 1, columnStart: 84, columnEnd: 85 }],
      },
      expect.objectContaining({
        message: "8x8 reported a problem without a message.",
        lineStart: 1,
        columnStart: 1,
      }),
    ]);
    expect(toRemoteProblems(null)).toEqual([]);
  });
});
