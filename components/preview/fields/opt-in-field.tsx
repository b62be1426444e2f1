"use client";

import type { ComponentNode } from "@/lib/preview";
import { FieldHint, text, useField } from "./field-chrome";

/** OptIn (§8.11): a checkbox with its label, and "Read more" when it has an on-click-action. */
export function OptInField({ node }: { node: ComponentNode }) {
  const field = useField(node);
  const action = node.raw["on-click-action"];
  return (
    <div>
      <div className="flex items-start gap-3">
        <input
          id={field.id}
          type="checkbox"
          checked={field.value === true}
          disabled={!field.enabled}
          aria-describedby={`${field.id}-hint`}
          onChange={(event) => field.change(event.target.checked)}
          className="mt-0.5 size-5 shrink-0 rounded accent-(--wa-accent)"
        />
        <div className="text-sm text-(--wa-fg)">
          <label htmlFor={field.id}>
            {text(node.props.label)}
            {!field.required && <span className="text-(--wa-muted)"> (optional)</span>}
          </label>
          {action !== undefined && (
            <>
              {" "}
              <button
                type="button"
                className="font-medium text-(--wa-link)"
                onClick={() =>
                  field.dispatch({ type: "action-triggered", action, source: `${node.path}.on-click-action` })
                }
              >
                Read more
              </button>
            </>
          )}
        </div>
      </div>
      <FieldHint id={field.id} error={field.error} />
    </div>
  );
}
