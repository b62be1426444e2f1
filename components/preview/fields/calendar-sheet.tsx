"use client";

import { useState } from "react";
import { ChevronLeft, ChevronRight } from "lucide-react";
import { dayNumberToIso, isDaySelectable, type DateRules } from "@/lib/preview";
import { cn } from "../cn";
import { Sheet } from "../sheet";

const DAY_MS = 86_400_000;
const HEADINGS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

export function formatDay(day: number): string {
  return new Date(day * DAY_MS).toLocaleDateString("en-GB", {
    timeZone: "UTC",
    day: "numeric",
    month: "short",
    year: "numeric",
  });
}

/** Years the picker offers: the rules' bounds, else a century back and ten years ahead of the shown year. */
function years(rules: DateRules, shown: number): number[] {
  const yearOf = (day: number) => new Date(day * DAY_MS).getUTCFullYear();
  const from = Math.min(rules.min !== null ? yearOf(rules.min) : shown - 100, shown);
  const to = Math.max(rules.max !== null ? yearOf(rules.max) : shown + 10, shown);
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

function monthStart(day: number): { year: number; month: number } {
  const date = new Date(day * DAY_MS);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() };
}

type Props = {
  title: string;
  description?: string;
  rules: DateRules;
  /** Days already chosen: one for single mode, start/end for a range. */
  selected: (number | null)[];
  range: boolean;
  initialDay: number;
  onPick: (days: number[]) => void;
  onClose: () => void;
};

/** A month calendar with unavailable days disabled (§8.9, §8.10); in range mode two taps pick a span. */
export function CalendarSheet({
  title,
  description,
  rules,
  selected,
  range,
  initialDay,
  onPick,
  onClose,
}: Props) {
  const [view, setView] = useState(() => monthStart(selected.find((day) => day !== null) ?? initialDay));
  const [start, setStart] = useState<number | null>(null);
  const first = Math.floor(Date.UTC(view.year, view.month, 1) / DAY_MS);
  const count = new Date(Date.UTC(view.year, view.month + 1, 0)).getUTCDate();
  const offset = (new Date(first * DAY_MS).getUTCDay() + 6) % 7;
  const [lo, hi] = range
    ? [start ?? selected[0] ?? null, start !== null ? null : (selected[1] ?? null)]
    : [selected[0] ?? null, null];
  const move = (delta: number) =>
    setView(({ year, month }) => monthStart(Math.floor(Date.UTC(year, month + delta, 1) / DAY_MS)));
  const pick = (day: number) => {
    if (!range) return onPick([day]);
    if (start === null || day < start) return setStart(day);
    onPick([start, day]);
  };
  const monthName = new Date(first * DAY_MS).toLocaleDateString("en-GB", {
    timeZone: "UTC",
    month: "long",
    year: "numeric",
  });
  return (
    <Sheet title={title} onClose={onClose}>
      {description && <p className="mb-2 text-sm text-(--wa-muted)">{description}</p>}
      {range && (
        <p className="mb-2 text-xs text-(--wa-muted)">
          {start === null ? "Select the start date" : "Select the end date"}
        </p>
      )}
      <div className="mb-2 flex items-center justify-between">
        <button
          type="button"
          aria-label="Previous month"
          onClick={() => move(-1)}
          className="rounded-full p-1.5 hover:bg-(--wa-surface)"
        >
          <ChevronLeft className="size-5" />
        </button>
        <span className="flex items-center gap-1 text-sm font-semibold" aria-live="polite">
          {new Date(first * DAY_MS).toLocaleDateString("en-GB", { timeZone: "UTC", month: "long" })}
          {/* A year list, so a date of birth is a few taps away (as on the device), not dozens of months. */}
          <select
            aria-label="Year"
            value={view.year}
            onChange={(event) => setView({ year: Number(event.target.value), month: view.month })}
            className="rounded bg-transparent font-semibold"
          >
            {years(rules, view.year).map((year) => (
              <option key={year} value={year} className="bg-(--wa-bg)">
                {year}
              </option>
            ))}
          </select>
        </span>
        <button
          type="button"
          aria-label="Next month"
          onClick={() => move(1)}
          className="rounded-full p-1.5 hover:bg-(--wa-surface)"
        >
          <ChevronRight className="size-5" />
        </button>
      </div>
      <div role="grid" aria-label={monthName} className="grid grid-cols-7 gap-y-1 text-center text-sm">
        {HEADINGS.map((heading) => (
          <span key={heading} className="text-xs text-(--wa-muted)">
            {heading.slice(0, 2)}
          </span>
        ))}
        {Array.from({ length: offset }, (_, i) => (
          <span key={`pad-${i}`} />
        ))}
        {Array.from({ length: count }, (_, i) => {
          const day = first + i;
          const enabled = isDaySelectable(day, rules);
          const isEnd = day === lo || day === hi;
          const inSpan = lo !== null && hi !== null && day > lo && day < hi;
          return (
            <button
              key={day}
              type="button"
              aria-label={dayNumberToIso(day)}
              aria-pressed={isEnd}
              disabled={!enabled}
              onClick={() => pick(day)}
              className={cn(
                "mx-auto flex size-9 items-center justify-center rounded-full",
                isEnd && "bg-(--wa-accent) text-(--wa-accent-fg)",
                inSpan && "bg-(--wa-accent-soft)",
                !enabled && "text-(--wa-disabled-fg) line-through",
              )}
            >
              {i + 1}
            </button>
          );
        })}
      </div>
    </Sheet>
  );
}
