"use client";

import { FindingList } from "./finding-list";
import { isWithin, useFindings } from "./findings";

/**
 * A component that cannot be drawn: says where in the Flow JSON and why, instead of breaking the phone,
 * with the validator's findings for the same place when the editor passed them (§14 "Robustness").
 */
export function ErrorBox({ path, message }: { path: string; message: string }) {
  const { findings, onSelect } = useFindings();
  const related = findings.filter(
    (finding) =>
      isWithin(finding.path, path) || (finding.path.includes(".layout.") && isWithin(path, finding.path)),
  );
  return (
    <div
      role="alert"
      data-testid="preview-error"
      data-path={path}
      className="rounded-md border border-dashed border-(--wa-error) bg-(--wa-surface) px-3 py-2 text-xs text-(--wa-error)"
    >
      <div className="font-mono font-semibold break-all">{path}</div>
      <div className="mt-0.5">{message}</div>
      {related.length > 0 && (
        <div className="mt-1.5 border-t border-dashed border-(--wa-error) pt-1.5">
          <FindingList findings={related} onSelect={onSelect} compact />
        </div>
      )}
    </div>
  );
}
