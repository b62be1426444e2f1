"use client";
import { useCallback, useEffect, useRef } from "react";

const MESSAGE = "You have unsaved changes to this flow. Leave anyway? (A copy stays in this browser.)";

/**
 * Asks before leaving with unsaved changes: closing or reloading the tab (beforeunload) and clicking an
 * in-app link, which the App Router handles without an unload event. Returns `allowLeaving` for a
 * navigation the user already chose (e.g. dropping their text to take someone else's).
 */
export function useUnsavedChangesGuard(dirty: boolean): () => void {
  const allowed = useRef(false);
  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (allowed.current) return;
      event.preventDefault();
      event.returnValue = MESSAGE;
    };
    const onClick = (event: MouseEvent) => {
      if (
        allowed.current ||
        event.defaultPrevented ||
        event.button !== 0 ||
        event.metaKey ||
        event.ctrlKey ||
        event.shiftKey ||
        event.altKey
      )
        return;
      const anchor = (event.target as Element | null)?.closest?.("a[href]");
      if (
        !(anchor instanceof HTMLAnchorElement) ||
        anchor.target === "_blank" ||
        anchor.hasAttribute("download")
      )
        return;
      const url = new URL(anchor.href, window.location.href);
      if (
        url.origin !== window.location.origin ||
        (url.pathname === window.location.pathname && url.search === window.location.search)
      )
        return;
      if (!window.confirm(MESSAGE)) {
        event.preventDefault();
        event.stopPropagation();
      }
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    document.addEventListener("click", onClick, true);
    return () => {
      window.removeEventListener("beforeunload", onBeforeUnload);
      document.removeEventListener("click", onClick, true);
    };
  }, [dirty]);
  return useCallback(() => {
    allowed.current = true;
  }, []);
}
