import type { FlowJsonProblem } from "./types";
import { formatPath, type JsonPath } from "./json/path";
import { JsonIndex, type Span } from "./json/json-index";
import { LineIndex } from "./json/line-index";

export type Severity = "error" | "warning";

/** A finding before positions are known. `at: "key"` points at the property name (unknown keys). */
export type ProblemDraft = {
  rule: string;
  code: string;
  message: string;
  path: JsonPath;
  at?: "key" | "value";
  severity: Severity;
};

export const ERROR_TYPE = "FLOW_JSON_ERROR";
export const WARNING_TYPE = "FLOW_JSON_WARNING";

function toProblem(d: ProblemDraft, span: Span, lines: LineIndex, length: number): FlowJsonProblem {
  // Clamp: a syntax error "at the end of the input" must still point inside the text.
  const start = Math.max(0, Math.min(span.start, length));
  const a = lines.position(start);
  const b = lines.position(Math.max(start, Math.min(span.end, length)));
  const pos = { lineStart: a.line, lineEnd: b.line, columnStart: a.column, columnEnd: b.column };
  return {
    error: d.code,
    errorType: d.severity === "error" ? ERROR_TYPE : WARNING_TYPE,
    message: d.message,
    ...pos,
    pointers: [{ path: formatPath(d.path), ...pos }],
  };
}

/** Attaches line/column spans to drafts with one pass over the text. */
export function locateProblems(
  text: string,
  drafts: readonly ProblemDraft[],
  index?: JsonIndex,
): FlowJsonProblem[] {
  if (drafts.length === 0) return [];
  const ix = index ?? new JsonIndex(text);
  const lines = new LineIndex(text, ix.lineStarts);
  return drafts.map((d) => {
    const loc = ix.locate(d.path);
    let span = d.at === "key" && loc.exact && loc.key ? loc.key : loc.value;
    // A missing property points at the opening brace of its parent, not the whole object.
    if (!loc.exact) span = { start: span.start, end: span.start + 1 };
    return toProblem(d, span, lines, text.length);
  });
}

/** A problem at a raw text span (syntax errors). */
export function problemAtSpan(text: string, d: ProblemDraft, span: Span): FlowJsonProblem {
  return toProblem(d, span, new LineIndex(text), text.length);
}
