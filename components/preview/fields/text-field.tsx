"use client";

import { useState } from "react";
import type { ComponentNode } from "@/lib/preview";
import { cn } from "../cn";
import { FieldHint, text, useField } from "./field-chrome";

const INPUT_ATTRIBUTES: Record<
  string,
  { type: string; inputMode?: "text" | "email" | "tel" | "numeric" | "decimal"; autoComplete?: string }
> = {
  text: { type: "text" },
  email: { type: "email", inputMode: "email", autoComplete: "email" },
  phone: { type: "tel", inputMode: "tel", autoComplete: "tel" },
  number: { type: "text", inputMode: "decimal" },
  password: { type: "password", autoComplete: "current-password" },
  passcode: { type: "password", inputMode: "numeric", autoComplete: "one-time-code" },
};

/** TextInput and TextArea (§8.3, §8.4): outlined fields with a floating label, or a large label above. */
export function TextField({ node }: { node: ComponentNode }) {
  const field = useField(node);
  const [focused, setFocused] = useState(false);
  const multiline = node.type === "TextArea";
  const value = typeof field.value === "string" ? field.value : "";
  const label = text(node.props.label) + (field.required ? "" : " (optional)");
  const large = node.props["label-variant"] === "large";
  const maxRaw = multiline ? node.props["max-length"] : node.props["max-chars"];
  const max = Number(maxRaw) || (multiline ? 600 : 80);
  const attributes = INPUT_ATTRIBUTES[text(node.props["input-type"]) || "text"] ?? { type: "text" };
  const floated = focused || value !== "";
  const common = {
    id: field.id,
    name: field.name,
    value,
    disabled: !field.enabled,
    maxLength: max,
    "aria-invalid": field.error ? true : undefined,
    "aria-describedby": `${field.id}-hint`,
    "aria-required": field.required || undefined,
    onChange: (event: { target: { value: string } }) => field.change(event.target.value),
    onFocus: () => setFocused(true),
    onBlur: () => {
      setFocused(false);
      field.blur();
    },
    className: cn(
      "w-full bg-transparent text-sm text-(--wa-fg) outline-none",
      large ? "px-3 py-3" : "px-3 pt-5 pb-2",
      multiline && "min-h-24 resize-none",
    ),
  };
  return (
    <div>
      {large && (
        <label
          htmlFor={field.id}
          className="mb-2 block text-base font-semibold whitespace-pre-line text-(--wa-fg)"
        >
          {label}
        </label>
      )}
      <div
        className={cn(
          "relative rounded-lg border transition-colors",
          field.error ? "border-(--wa-error)" : focused ? "border-(--wa-accent)" : "border-(--wa-border)",
          !field.enabled && "bg-(--wa-disabled) opacity-70",
        )}
      >
        {!large && (
          <label
            htmlFor={field.id}
            className={cn(
              "pointer-events-none absolute left-3 truncate transition-all",
              "max-w-[calc(100%-1.5rem)]",
              floated ? "top-1.5 text-[11px]" : "top-3.5 text-sm",
              field.error ? "text-(--wa-error)" : focused ? "text-(--wa-accent)" : "text-(--wa-muted)",
            )}
          >
            {label}
          </label>
        )}
        {multiline ? (
          <textarea rows={3} {...common} />
        ) : (
          <input
            {...common}
            type={attributes.type}
            inputMode={attributes.inputMode}
            autoComplete={attributes.autoComplete ?? "off"}
          />
        )}
      </div>
      <div className="flex justify-between gap-2">
        <FieldHint id={field.id} helper={node.props["helper-text"]} error={field.error} />
        {(multiline || maxRaw !== undefined) && (
          <span className="mt-1 shrink-0 px-1 text-xs text-(--wa-muted)" aria-hidden>
            {value.length}/{max}
          </span>
        )}
      </div>
    </div>
  );
}
