import type { FlowJsonProblem } from "@/lib/flow-json";

/**
 * 8x8's validationErrors as stored in Flow.validationErrors, in the Flow JSON engine's problem shape
 * (8x8 leaves every field optional; missing positions point at the start of the text).
 */
export function toRemoteProblems(stored: unknown): FlowJsonProblem[] {
  if (!Array.isArray(stored)) return [];
  return stored.flatMap((item): FlowJsonProblem[] => {
    if (typeof item !== "object" || item === null) return [];
    const record = item as Record<string, unknown>;
    const num = (key: string, fallback: number) =>
      typeof record[key] === "number" ? (record[key] as number) : fallback;
    const lineStart = num("lineStart", 1);
    const columnStart = num("columnStart", 1);
    const pointers = Array.isArray(record.pointers) ? (record.pointers as Record<string, unknown>[]) : [];
    return [
      {
        error: typeof record.error === "string" ? record.error : "VALIDATION_ERROR",
        errorType: typeof record.errorType === "string" ? record.errorType : "FLOW_JSON_ERROR",
        message:
          typeof record.message === "string" && record.message
            ? record.message
            : "8x8 reported a problem without a message.",
        lineStart,
        lineEnd: num("lineEnd", lineStart),
        columnStart,
        columnEnd: num("columnEnd", columnStart + 1),
        pointers: pointers.map((p) => ({
          path: typeof p.path === "string" ? p.path : "",
          lineStart: typeof p.lineStart === "number" ? p.lineStart : lineStart,
          lineEnd: typeof p.lineEnd === "number" ? p.lineEnd : lineStart,
          columnStart: typeof p.columnStart === "number" ? p.columnStart : columnStart,
          columnEnd: typeof p.columnEnd === "number" ? p.columnEnd : columnStart + 1,
        })),
      },
    ];
  });
}
