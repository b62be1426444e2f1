"use client";

import { Check } from "lucide-react";
import type { ComponentNode } from "@/lib/preview";
import { cn } from "../cn";
import { dataSourceItems } from "./choice-group";
import { FieldHint, FieldLabel, text, useField } from "./field-chrome";

/** ChipsSelector (§8.8): wrapping pills, a selected chip is filled with a check mark. */
export function ChipsField({ node }: { node: ComponentNode }) {
  const field = useField(node);
  const selected = Array.isArray(field.value) ? (field.value as string[]) : [];
  const max = Number(node.props["max-selected-items"]) || Infinity;
  return (
    <div>
      <FieldLabel label={node.props.label} required={field.required} />
      {node.props.description !== undefined && (
        <p className="mt-0.5 text-sm text-(--wa-muted)">{text(node.props.description)}</p>
      )}
      <div
        role="group"
        id={field.id}
        aria-label={text(node.props.label)}
        aria-describedby={`${field.id}-hint`}
        className="mt-2 flex flex-wrap gap-2"
      >
        {dataSourceItems(node).map((item) => {
          const on = selected.includes(item.id);
          const disabled = !field.enabled || item.enabled === false || (!on && selected.length >= max);
          return (
            <button
              key={item.id}
              type="button"
              aria-pressed={on}
              data-value={item.id}
              disabled={disabled}
              onClick={() =>
                field.change(on ? selected.filter((id) => id !== item.id) : [...selected, item.id])
              }
              className={cn(
                "flex items-center gap-1 rounded-full border px-3 py-1.5 text-sm",
                on
                  ? "border-(--wa-accent) bg-(--wa-accent-soft) text-(--wa-fg)"
                  : "border-(--wa-border) text-(--wa-fg)",
                disabled && "opacity-50",
              )}
            >
              {on && <Check aria-hidden className="size-4 text-(--wa-accent)" />}
              {text(item.title)}
            </button>
          );
        })}
      </div>
      <FieldHint id={field.id} error={field.error} />
    </div>
  );
}
