"use client";
import { useCallback, useState } from "react";

/**
 * The editor's text plus a counter of programmatic replacements: `setTyped` for what Monaco reports,
 * `replace` for text coming from elsewhere (examples, uploads, history), which Monaco must then show.
 */
export function useEditorText(initial: string) {
  const [state, setState] = useState({ text: initial, externalEdit: 0 });
  const setTyped = useCallback((text: string) => setState((current) => ({ ...current, text })), []);
  const replace = useCallback(
    (text: string) => setState((current) => ({ text, externalEdit: current.externalEdit + 1 })),
    [],
  );
  return { text: state.text, externalEdit: state.externalEdit, setTyped, replace };
}
