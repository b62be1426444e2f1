import type { FlowJsonProblem, ValidationResult } from "../types";

/** Plain-object twin of Monaco's IMarkerData (no monaco import, so this runs anywhere). */
export type EditorMarker = {
  startLineNumber: number;
  startColumn: number;
  endLineNumber: number;
  endColumn: number;
  message: string;
  severity: 8 | 4;
  code: string;
  source: string;
};

const toMarker = (p: FlowJsonProblem, severity: 8 | 4): EditorMarker => ({
  startLineNumber: p.lineStart,
  startColumn: p.columnStart,
  endLineNumber: p.lineEnd,
  // Monaco hides zero-width markers: keep at least one column.
  endColumn: p.lineEnd === p.lineStart && p.columnEnd <= p.columnStart ? p.columnStart + 1 : p.columnEnd,
  message: p.message,
  severity,
  code: p.error,
  source: "flowport",
});

export function toEditorMarkers(result: Pick<ValidationResult, "errors" | "warnings">): EditorMarker[] {
  return [...result.errors.map((p) => toMarker(p, 8)), ...result.warnings.map((p) => toMarker(p, 4))];
}
