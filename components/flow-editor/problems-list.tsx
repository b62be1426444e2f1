"use client";
import { AlertTriangle, CircleCheck, XCircle } from "lucide-react";
import { cn } from "@/components/ui/cn";
import type { EditorProblem } from "./problems";

/** The problems under the editor: each row jumps to its line and column. */
export function ProblemsList({
  problems,
  onJump,
  pending,
}: {
  problems: EditorProblem[];
  onJump: (line: number, column: number) => void;
  pending?: boolean;
}) {
  const errors = problems.filter((p) => p.severity === "error").length;
  const warnings = problems.length - errors;
  return (
    <section aria-label="Problems" className="flex min-h-0 flex-col border-t border-slate-200 bg-white">
      <header className="flex items-center gap-3 border-b border-slate-100 px-3 py-1.5 text-xs font-medium text-slate-600">
        <span className="tracking-wide uppercase">Problems</span>
        <span data-testid="problem-counts" className="flex items-center gap-3">
          <span className={cn("flex items-center gap-1", errors > 0 && "text-red-700")}>
            <XCircle aria-hidden className="size-3.5" /> {errors} {errors === 1 ? "error" : "errors"}
          </span>
          <span className={cn("flex items-center gap-1", warnings > 0 && "text-amber-700")}>
            <AlertTriangle aria-hidden className="size-3.5" /> {warnings}{" "}
            {warnings === 1 ? "warning" : "warnings"}
          </span>
        </span>
        {pending ? <span className="text-slate-400">checking…</span> : null}
      </header>
      {problems.length === 0 ? (
        <p className="flex items-center gap-2 px-3 py-2 text-sm text-emerald-700">
          <CircleCheck aria-hidden className="size-4" /> No problems found.
        </p>
      ) : (
        <ul className="min-h-0 flex-1 overflow-y-auto py-1" data-testid="problems-list">
          {problems.map((problem, index) => (
            <li key={`${problem.source}-${problem.code}-${problem.line}-${problem.column}-${index}`}>
              <button
                type="button"
                onClick={() => onJump(problem.line, problem.column)}
                className="flex w-full items-start gap-2 px-3 py-1 text-left text-sm hover:bg-slate-50 focus:bg-slate-100 focus:outline-none"
                title={problem.path ?? undefined}
              >
                {problem.severity === "error" ? (
                  <XCircle aria-label="Error" className="mt-0.5 size-4 shrink-0 text-red-600" />
                ) : (
                  <AlertTriangle aria-label="Warning" className="mt-0.5 size-4 shrink-0 text-amber-600" />
                )}
                <span className="min-w-0 flex-1 text-slate-800">
                  {problem.source === "8x8" ? (
                    <span className="mr-1 rounded bg-slate-100 px-1 text-xs font-medium text-slate-600">
                      8x8
                    </span>
                  ) : null}
                  {problem.message}
                </span>
                <span className="shrink-0 font-mono text-xs text-slate-500">
                  Ln {problem.line}, Col {problem.column}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
