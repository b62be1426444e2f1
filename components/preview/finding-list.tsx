"use client";

import { cn } from "./cn";
import type { PreviewFinding } from "./findings";

/** Validator findings as short lines; a click lets the editor jump to the line. */
export function FindingList({
  findings,
  onSelect,
  compact,
}: {
  findings: PreviewFinding[];
  onSelect?: (finding: PreviewFinding) => void;
  compact?: boolean;
}) {
  return (
    <ul data-testid="preview-findings" className={cn("flex flex-col", compact ? "gap-0.5" : "gap-1.5")}>
      {findings.map((finding, index) => {
        const content = (
          <>
            <span className="font-mono font-semibold">{finding.code}</span> {finding.message}
            {!compact && (
              <span className="block font-mono text-[10px] opacity-70">
                {finding.path || "(document)"} · line {finding.line}
              </span>
            )}
          </>
        );
        const tone =
          finding.severity === "error" ? "text-(--wa-error,#dc2626)" : "text-amber-700 dark:text-amber-400";
        return (
          <li
            key={`${finding.code}:${finding.path}:${index}`}
            data-severity={finding.severity}
            className={cn("text-[11px] leading-snug break-words", tone)}
          >
            {onSelect ? (
              <button type="button" className="text-left hover:underline" onClick={() => onSelect(finding)}>
                {content}
              </button>
            ) : (
              content
            )}
          </li>
        );
      })}
    </ul>
  );
}
