import { describe, expect, it } from "vitest";
import type { FlowJsonProblem } from "@/lib/flow-json";
import { collectProblems, toMarkers } from "./problems";

const problem = (message: string, line: number, column = 1): FlowJsonProblem => ({
  error: "CODE",
  errorType: "FLOW_JSON_ERROR",
  message,
  lineStart: line,
  lineEnd: line,
  columnStart: column,
  columnEnd: column + 3,
  pointers: [
    { path: `screens[${line}]`, lineStart: line, lineEnd: line, columnStart: column, columnEnd: column + 3 },
  ],
});

describe("editor problems", () => {
  it("lists errors (local and 8x8's) before warnings, each group by position", () => {
    const rows = collectProblems(
      { errors: [problem("late error", 9), problem("early error", 2)], warnings: [problem("warning", 1)] },
      [problem("remote", 5)],
    );
    expect(rows.map((row) => [row.severity, row.source, row.message, row.line])).toEqual([
      ["error", "flowport", "early error", 2],
      ["error", "8x8", "remote", 5],
      ["error", "flowport", "late error", 9],
      ["warning", "flowport", "warning", 1],
    ]);
    expect(rows[0]?.path).toBe("screens[2]");
  });

  it("marks 8x8's problems as such in the editor", () => {
    const markers = toMarkers({ errors: [], warnings: [problem("too many fields", 3)] }, [
      problem("Invalid value", 4, 7),
    ]);
    expect(markers).toEqual([
      expect.objectContaining({
        severity: 4,
        message: "too many fields",
        startLineNumber: 3,
        source: "flowport",
      }),
      expect.objectContaining({
        severity: 8,
        message: "8x8: Invalid value",
        startLineNumber: 4,
        startColumn: 7,
        source: "8x8",
      }),
    ]);
  });
});
