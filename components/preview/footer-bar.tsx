"use client";

import type { ResolvedScreen } from "@/lib/preview";
import { cn } from "./cn";
import { text } from "./fields/field-chrome";
import { usePreview } from "./preview-context";

/** The sticky Footer: captions, the green CTA, and WhatsApp's "Managed by the business" line (§8.13). */
export function FooterBar({ screen }: { screen: ResolvedScreen }) {
  const { dispatch, state } = usePreview();
  const footer = screen.footer;
  const busy = state.status === "awaiting-endpoint";
  return (
    <div className="shrink-0 border-t border-(--wa-border) bg-(--wa-bg) px-4 pt-2 pb-3">
      {footer && (
        <>
          {(footer.props["left-caption"] !== undefined || footer.props["right-caption"] !== undefined) && (
            <div className="mb-1.5 flex justify-between text-xs text-(--wa-muted)">
              <span>{text(footer.props["left-caption"])}</span>
              <span>{text(footer.props["right-caption"])}</span>
            </div>
          )}
          {footer.props["center-caption"] !== undefined && (
            <div className="mb-1.5 text-center text-xs text-(--wa-muted)">
              {text(footer.props["center-caption"])}
            </div>
          )}
          <button
            type="button"
            data-testid="preview-footer-button"
            disabled={!screen.footerEnabled}
            aria-busy={busy || undefined}
            onClick={() => dispatch({ type: "footer-pressed" })}
            className={cn(
              "h-11 w-full truncate rounded-full px-4 text-sm font-semibold transition-colors",
              screen.footerEnabled
                ? "bg-(--wa-accent) text-(--wa-accent-fg) hover:brightness-95"
                : "bg-(--wa-disabled) text-(--wa-disabled-fg)",
            )}
          >
            {busy ? "Loading…" : text(footer.props.label)}
          </button>
        </>
      )}
      <p className="mt-2 text-center text-[11px] text-(--wa-muted)">
        Managed by the business. <span className="text-(--wa-link)">Learn more</span>
      </p>
    </div>
  );
}
