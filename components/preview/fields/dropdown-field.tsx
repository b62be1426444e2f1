"use client";

import { useState } from "react";
import { ChevronDown } from "lucide-react";
import type { ComponentNode } from "@/lib/preview";
import { cn } from "../cn";
import { Sheet } from "../sheet";
import { dataSourceItems } from "./choice-group";
import { FieldHint, text, useField } from "./field-chrome";
import { ItemMedia } from "./item-media";

/** Dropdown (§8.7): a closed field that opens a full-height sheet of items (with descriptions and images). */
export function DropdownField({ node }: { node: ComponentNode }) {
  const field = useField(node);
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState("");
  const items = dataSourceItems(node);
  const label = text(node.props.label) + (field.required ? "" : " (optional)");
  const selected = items.find((item) => item.id === field.value);
  const visible = items.filter((item) => text(item.title).toLowerCase().includes(query.toLowerCase()));
  const close = () => {
    setOpen(false);
    setQuery("");
    field.blur();
  };
  return (
    <div>
      <button
        type="button"
        id={field.id}
        aria-haspopup="dialog"
        aria-label={label}
        aria-describedby={`${field.id}-hint`}
        disabled={!field.enabled}
        onClick={() => setOpen(true)}
        className={cn(
          "relative flex w-full items-center rounded-lg border px-3 text-left",
          selected ? "pt-5 pb-2" : "py-3.5",
          field.error ? "border-(--wa-error)" : "border-(--wa-border)",
          !field.enabled && "bg-(--wa-disabled) opacity-70",
        )}
      >
        <span
          className={cn(
            "pointer-events-none absolute left-3 truncate text-(--wa-muted)",
            selected ? "top-1.5 text-[11px]" : "top-3.5 text-sm",
          )}
        >
          {label}
        </span>
        <span className="min-h-5 flex-1 truncate text-sm text-(--wa-fg)">
          {selected ? text(selected.title) : ""}
        </span>
        <ChevronDown aria-hidden className="size-5 shrink-0 text-(--wa-muted)" />
      </button>
      <FieldHint id={field.id} error={field.error} />
      {open && (
        <Sheet title={text(node.props.label)} onClose={close}>
          {items.length > 8 && (
            <input
              type="search"
              aria-label="Search"
              placeholder="Search"
              value={query}
              onChange={(event) => setQuery(event.target.value)}
              className="mb-2 w-full rounded-full bg-(--wa-surface) px-4 py-2 text-sm outline-none"
            />
          )}
          <div role="listbox" aria-label={text(node.props.label)} className="divide-y divide-(--wa-border)">
            {visible.map((item) => {
              const disabled = item.enabled === false;
              const isSelected = item.id === field.value;
              return (
                <button
                  key={item.id}
                  type="button"
                  role="option"
                  aria-selected={isSelected}
                  data-value={item.id}
                  disabled={disabled}
                  onClick={() => {
                    field.change(item.id);
                    close();
                  }}
                  className={cn("flex w-full items-center gap-3 py-3 text-left", disabled && "opacity-50")}
                >
                  <ItemMedia item={item} />
                  <span className="min-w-0 flex-1">
                    <span className="block text-sm">{text(item.title)}</span>
                    {item.description !== undefined && (
                      <span className="block text-xs text-(--wa-muted)">{text(item.description)}</span>
                    )}
                    {item.metadata !== undefined && (
                      <span className="block text-xs text-(--wa-muted)">{text(item.metadata)}</span>
                    )}
                  </span>
                  <span
                    aria-hidden
                    className={cn(
                      "size-5 shrink-0 rounded-full border-2",
                      isSelected
                        ? "border-(--wa-accent) bg-(--wa-accent) shadow-[inset_0_0_0_3px_var(--wa-bg)]"
                        : "border-(--wa-muted)",
                    )}
                  />
                </button>
              );
            })}
          </div>
        </Sheet>
      )}
    </div>
  );
}
