import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";
import { Field } from "@/components/ui/field";

/**
 * A labelled field with a "12/60" counter on its label line, red once over the limit. The counter is part of the
 * label, so it is read as "Message 12 of 1024 characters"; the space keeps those words apart (flex does not draw it).
 */
export function CountedField({
  id,
  label,
  value,
  max,
  hint,
  error,
  className,
  children,
}: {
  id: string;
  label: ReactNode;
  value: string;
  max: number;
  hint?: ReactNode;
  error?: string | undefined;
  className?: string;
  children: ReactNode;
}) {
  return (
    <Field
      id={id}
      label={
        <span className="flex justify-between gap-2">
          <span>{label}</span> <CharCount value={value} max={max} />
        </span>
      }
      hint={hint}
      error={error}
      className={className}
    >
      {children}
    </Field>
  );
}

/** Counts characters as WhatsApp does: code points, not UTF-16 units. */
function CharCount({ value, max }: { value: string; max: number }) {
  const length = Array.from(value).length;
  return (
    <span
      className={cn("text-xs font-normal tabular-nums", length > max ? "text-red-600" : "text-slate-400")}
      aria-label={`${length} of ${max} characters`}
    >
      {length}/{max}
    </span>
  );
}
