"use client";

import { createContext, useContext } from "react";
import type { FlowJsonProblem } from "@/lib/flow-json";

/** One validator finding, flattened to the path it points at (a problem with several pointers gives several). */
export type PreviewFinding = {
  code: string;
  message: string;
  path: string;
  severity: "error" | "warning";
  line: number;
  column: number;
};

/** What the editor already has from validateFlowJson; the preview does not validate again. */
export type PreviewValidation = { errors: FlowJsonProblem[]; warnings: FlowJsonProblem[] };

export function toFindings(validation: PreviewValidation | null | undefined): PreviewFinding[] {
  if (!validation) return [];
  const flatten = (problem: FlowJsonProblem, severity: PreviewFinding["severity"]): PreviewFinding[] => {
    const pointers =
      problem.pointers.length > 0
        ? problem.pointers
        : [{ path: "", lineStart: problem.lineStart, columnStart: problem.columnStart }];
    return pointers.map((pointer) => ({
      code: problem.error,
      message: problem.message,
      path: pointer.path,
      severity,
      line: pointer.lineStart,
      column: pointer.columnStart,
    }));
  };
  return [
    ...validation.errors.flatMap((p) => flatten(p, "error")),
    ...validation.warnings.flatMap((p) => flatten(p, "warning")),
  ];
}

/** `path` is `scope` or lies inside it (`scope.x`, `scope[0]`). */
export function isWithin(path: string, scope: string): boolean {
  return path === scope || path.startsWith(`${scope}.`) || path.startsWith(`${scope}[`);
}

type FindingsContextValue = {
  findings: PreviewFinding[];
  /** Draw component findings on the phone (outline + note); error boxes always name theirs. */
  overlay: boolean;
  onSelect?: (finding: PreviewFinding) => void;
};

const FindingsContext = createContext<FindingsContextValue>({ findings: [], overlay: false });

export const FindingsProvider = FindingsContext.Provider;

export function useFindings(): FindingsContextValue {
  return useContext(FindingsContext);
}
