"use client";
import { Check } from "lucide-react";
import { cn } from "@/components/ui/cn";
import { categoryLabels, FLOW_CATEGORIES } from "@/lib/authoring/schemas";

/** 8x8's categories as toggles: several may be chosen, at least one is required. */
export function CategoryPicker({
  value,
  onChange,
  disabled,
  error,
}: {
  value: string[];
  onChange: (next: string[]) => void;
  disabled?: boolean;
  error?: string;
}) {
  return (
    <fieldset
      disabled={disabled}
      aria-invalid={error ? true : undefined}
      aria-describedby={error ? "categories-error" : undefined}
    >
      <legend className="mb-1.5 block text-sm font-medium text-slate-700">Categories</legend>
      <div className="flex flex-wrap gap-1.5">
        {FLOW_CATEGORIES.map((category) => {
          const checked = value.includes(category);
          return (
            <label
              key={category}
              className={cn(
                "has-[:focus-visible]:ring-brand-500/40 inline-flex cursor-pointer items-center gap-1 rounded-full border px-2.5 py-1 text-xs font-medium select-none has-[:focus-visible]:ring-2",
                checked
                  ? "border-brand-600 bg-brand-50 text-brand-700"
                  : "border-slate-300 bg-white text-slate-700 hover:bg-slate-50",
                disabled && "cursor-not-allowed opacity-70",
              )}
            >
              <input
                type="checkbox"
                className="sr-only"
                checked={checked}
                onChange={() =>
                  onChange(checked ? value.filter((c) => c !== category) : [...value, category])
                }
              />
              {checked ? <Check aria-hidden className="size-3" /> : null}
              {categoryLabels[category]}
            </label>
          );
        })}
      </div>
      {error ? (
        <p id="categories-error" role="alert" className="mt-1 text-sm text-red-600">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
