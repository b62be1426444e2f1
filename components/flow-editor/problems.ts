import {
  toEditorMarkers,
  type EditorMarker,
  type FlowJsonProblem,
  type ValidationResult,
} from "@/lib/flow-json";

/** One row of the problems list: a local finding or one of 8x8's validationErrors. */
export type EditorProblem = {
  severity: "error" | "warning";
  source: "flowport" | "8x8";
  code: string;
  message: string;
  line: number;
  column: number;
  path: string | null;
};

function toProblem(
  problem: FlowJsonProblem,
  severity: EditorProblem["severity"],
  source: EditorProblem["source"],
): EditorProblem {
  return {
    severity,
    source,
    code: problem.error,
    message: problem.message,
    line: Math.max(1, problem.lineStart || 1),
    column: Math.max(1, problem.columnStart || 1),
    path: problem.pointers[0]?.path ?? null,
  };
}

/**
 * Local errors and warnings plus 8x8's validationErrors. 8x8's positions refer to the text it stored,
 * so they are shown only while the editor holds exactly that text.
 */
export function collectProblems(
  local: Pick<ValidationResult, "errors" | "warnings">,
  remote: FlowJsonProblem[],
): EditorProblem[] {
  const problems = [
    ...local.errors.map((p) => toProblem(p, "error", "flowport")),
    ...remote.map((p) => toProblem(p, "error", "8x8")),
    ...local.warnings.map((p) => toProblem(p, "warning", "flowport")),
  ];
  return problems.sort((a, b) =>
    a.severity === b.severity ? a.line - b.line || a.column - b.column : a.severity === "error" ? -1 : 1,
  );
}

export function toMarkers(
  local: Pick<ValidationResult, "errors" | "warnings">,
  remote: FlowJsonProblem[],
): EditorMarker[] {
  const remoteMarkers = toEditorMarkers({ errors: remote, warnings: [] }).map((marker) => ({
    ...marker,
    source: "8x8",
    message: `8x8: ${marker.message}`,
  }));
  return [...toEditorMarkers(local), ...remoteMarkers];
}
