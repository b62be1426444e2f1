"use client";

import type { ComponentNode } from "@/lib/preview";
import { cn } from "../cn";
import { FieldHint, FieldLabel, text, useField } from "./field-chrome";
import { ItemMedia } from "./item-media";

type Item = Record<string, unknown> & { id: string };

export function dataSourceItems(node: ComponentNode): Item[] {
  const list = Array.isArray(node.props["data-source"]) ? node.props["data-source"] : [];
  return list.filter(
    (item): item is Item =>
      typeof item === "object" && item !== null && typeof (item as Item).id === "string",
  );
}

/** CheckboxGroup and RadioButtonsGroup (§8.5, §8.6): rows with the control at the end, as WhatsApp draws them. */
export function ChoiceGroup({ node }: { node: ComponentNode }) {
  const field = useField(node);
  const multi = node.type === "CheckboxGroup";
  const selected = multi
    ? Array.isArray(field.value)
      ? (field.value as string[])
      : []
    : typeof field.value === "string"
      ? [field.value]
      : [];
  const max = Number(node.props["max-selected-items"]) || Infinity;
  const items = dataSourceItems(node);
  const large = node.props["media-size"] === "large";
  const toggle = (id: string, on: boolean) => {
    if (!multi) field.change(id);
    else field.change(on ? [...selected, id] : selected.filter((value) => value !== id));
  };
  return (
    <fieldset aria-describedby={`${field.id}-hint`} className="min-w-0">
      {node.props.label !== undefined && (
        <legend className="mb-1">
          <FieldLabel label={node.props.label} required={field.required} />
        </legend>
      )}
      {node.props.description !== undefined && (
        <p className="mb-1 text-sm text-(--wa-muted)">{text(node.props.description)}</p>
      )}
      <div
        role={multi ? "group" : "radiogroup"}
        aria-label={text(node.props.label) || field.name}
        className="divide-y divide-(--wa-border)"
      >
        {items.map((item) => {
          const checked = selected.includes(item.id);
          // Once max-selected-items is reached the other options are disabled (Meta's disabledOptions).
          const disabled =
            !field.enabled || item.enabled === false || (multi && !checked && selected.length >= max);
          return (
            <label
              key={item.id}
              className={cn(
                "flex cursor-pointer items-center gap-3 py-3",
                disabled && "cursor-default opacity-50",
              )}
            >
              <ItemMedia item={item} large={large} />
              <span className="min-w-0 flex-1">
                <span className="block text-sm text-(--wa-fg)">{text(item.title)}</span>
                {item.description !== undefined && (
                  <span className="block text-xs text-(--wa-muted)">{text(item.description)}</span>
                )}
                {item.metadata !== undefined && (
                  <span className="block text-xs text-(--wa-muted)">{text(item.metadata)}</span>
                )}
              </span>
              <input
                type={multi ? "checkbox" : "radio"}
                name={field.id}
                value={item.id}
                checked={checked}
                disabled={disabled}
                onChange={(event) => toggle(item.id, event.target.checked)}
                className={cn("size-5 shrink-0 accent-(--wa-accent)", multi ? "rounded" : "rounded-full")}
              />
            </label>
          );
        })}
      </div>
      <FieldHint id={field.id} error={field.error} />
    </fieldset>
  );
}
