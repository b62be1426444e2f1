"use client";

import { createContext, useContext, useEffect, type ReactNode } from "react";
import { createPortal } from "react-dom";
import { X } from "lucide-react";

const SheetHostContext = createContext<HTMLElement | null>(null);

/** The phone's overlay layer: sheets and dialogs cover the phone screen, not the page. */
export const SheetHostProvider = SheetHostContext.Provider;

/** A full-height selection sheet sliding over the Flow, like the Dropdown and date pickers on the device. */
export function Sheet({
  title,
  onClose,
  children,
}: {
  title: string;
  onClose: () => void;
  children: ReactNode;
}) {
  const host = useContext(SheetHostContext);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => event.key === "Escape" && onClose();
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [onClose]);
  const sheet = (
    <div
      role="dialog"
      aria-modal="true"
      aria-label={title}
      className="absolute inset-0 z-30 flex flex-col bg-(--wa-bg) text-(--wa-fg)"
    >
      <div className="flex h-14 shrink-0 items-center gap-3 border-b border-(--wa-border) px-3">
        <button
          type="button"
          aria-label="Close"
          onClick={onClose}
          className="rounded-full p-1.5 hover:bg-(--wa-surface)"
        >
          <X className="size-5" />
        </button>
        <h2 className="truncate text-base font-semibold">{title}</h2>
      </div>
      <div className="min-h-0 flex-1 overflow-y-auto px-4 py-2">{children}</div>
    </div>
  );
  return host ? createPortal(sheet, host) : sheet;
}
