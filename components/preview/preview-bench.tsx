"use client";

import { useEffect, useLayoutEffect, useRef, useState } from "react";
import { FlowPreview } from "./flow-preview";

type PendingEdit = { id: number; resolve: () => void };

declare global {
  interface Window {
    /** scripts/bench/preview.ts: replace the Flow JSON text; resolves once the phone has been painted with it. */
    flowportPreviewBench?: { edit: (flowJson: string) => Promise<void> };
  }
}

/**
 * The preview fed by a text that a benchmark replaces, as the editor does on every keystroke. Each edit is
 * measured from the new text to the first paint after React committed it (`preview-edit` measures).
 */
export function PreviewBench({ initialFlowJson }: { initialFlowJson: string }) {
  const [edit, setEdit] = useState({ id: 0, text: initialFlowJson });
  const pending = useRef<PendingEdit | null>(null);

  useEffect(() => {
    let next = 0;
    window.flowportPreviewBench = {
      edit: (flowJson) =>
        new Promise<void>((resolve) => {
          next += 1;
          pending.current = { id: next, resolve };
          performance.mark(`preview-edit-start-${next}`);
          setEdit({ id: next, text: flowJson });
        }),
    };
    return () => {
      delete window.flowportPreviewBench;
    };
  }, []);

  useLayoutEffect(() => {
    const waiting = pending.current;
    if (!waiting || waiting.id !== edit.id) return;
    // The frame after the commit is the one that shows the new phone.
    requestAnimationFrame(() =>
      setTimeout(() => {
        performance.measure(`preview-edit-${waiting.id}`, `preview-edit-start-${waiting.id}`);
        pending.current = null;
        waiting.resolve();
      }, 0),
    );
  }, [edit]);

  return <FlowPreview flowJson={edit.text} showPanels={false} />;
}
