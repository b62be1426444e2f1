"use client";

import type { ReactNode } from "react";
import type { ComponentNode, FieldValue } from "@/lib/preview";
import { usePreview } from "../preview-context";

/** The live state of one input: value, error text, whether it is required/enabled. */
export function useField(node: ComponentNode) {
  const { state, screen, dispatch } = usePreview();
  const name = typeof node.raw.name === "string" ? node.raw.name : "";
  const value = state.screens[screen.id]?.form[name];
  const enabled = node.props.enabled !== false && state.status === "running";
  return {
    name,
    id: `wa-${screen.id}-${name}`.replace(/[^\w-]/g, "_"),
    value,
    enabled,
    required: node.props.required === true,
    error: screen.visibleErrors[name] ?? null,
    change: (next: FieldValue) => dispatch({ type: "field-changed", name, value: next }),
    blur: () => dispatch({ type: "field-blurred", name }),
    dispatch,
    version: state.version,
  };
}

export function text(value: unknown): string {
  if (typeof value === "string") return value;
  if (value === undefined || value === null) return "";
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}

/** Label with WhatsApp's "(optional)" suffix for inputs that are not required. */
export function FieldLabel({
  label,
  required,
  htmlFor,
  large,
}: {
  label: unknown;
  required: boolean;
  htmlFor?: string;
  large?: boolean;
}) {
  const content = (
    <>
      {text(label)}
      {!required && <span className="font-normal text-(--wa-muted)"> (optional)</span>}
    </>
  );
  const className = large ? "text-base font-semibold text-(--wa-fg)" : "text-sm font-semibold text-(--wa-fg)";
  return htmlFor ? (
    <label htmlFor={htmlFor} className={className}>
      {content}
    </label>
  ) : (
    <div className={className}>{content}</div>
  );
}

/** Helper text under a field, replaced by the red error when there is one. */
export function FieldHint({ id, helper, error }: { id: string; helper?: unknown; error: string | null }) {
  if (error) {
    return (
      <p id={`${id}-hint`} role="alert" className="mt-1 px-1 text-xs text-(--wa-error)">
        {error}
      </p>
    );
  }
  const helperText = text(helper);
  return helperText ? (
    <p id={`${id}-hint`} className="mt-1 px-1 text-xs text-(--wa-muted)">
      {helperText}
    </p>
  ) : null;
}

/** Base64 (PNG/JPEG sniffed), data: URIs and URLs, as the 8x8 examples use all three. */
export function imageSource(src: unknown): string | undefined {
  if (typeof src !== "string" || src === "") return undefined;
  if (/^(data:|https?:|blob:)/.test(src)) return src;
  const mime = src.startsWith("/9j/")
    ? "image/jpeg"
    : src.startsWith("R0lG")
      ? "image/gif"
      : src.startsWith("UklG")
        ? "image/webp"
        : "image/png";
  return `data:${mime};base64,${src}`;
}

export function Section({ children }: { children: ReactNode }) {
  return <div className="flex flex-col gap-2">{children}</div>;
}
