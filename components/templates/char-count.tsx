import { cn } from "@/components/ui/cn";

/** "12/60", red once over the limit. Counts characters as WhatsApp does (code points, not UTF-16 units). */
export function CharCount({ value, max }: { value: string; max: number }) {
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
