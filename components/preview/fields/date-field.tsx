"use client";

import { useState } from "react";
import { CalendarDays } from "lucide-react";
import {
  datePickerValue,
  dateRules,
  dayNumberToIso,
  toDayNumber,
  versionNumber,
  type ComponentNode,
  type DateRangeValue,
} from "@/lib/preview";
import { cn } from "../cn";
import { CalendarSheet, formatDay } from "./calendar-sheet";
import { FieldHint, text, useField } from "./field-chrome";

const TODAY = Math.floor(Date.now() / 86_400_000);

/** DatePicker and CalendarPicker (single or range) (§8.9, §8.10): outlined fields that open a calendar. */
export function DateField({ node }: { node: ComponentNode }) {
  const field = useField(node);
  const [open, setOpen] = useState(false);
  const rules = dateRules(node.props);
  const range = node.type === "CalendarPicker" && node.props.mode === "range";
  const initialDay = rules.min !== null && rules.min > TODAY ? rules.min : TODAY;
  const close = () => {
    setOpen(false);
    field.blur();
  };

  if (range) {
    const value = (
      typeof field.value === "object" && field.value !== null && !Array.isArray(field.value)
        ? field.value
        : {}
    ) as DateRangeValue;
    const labels = objectOf(node.props.label);
    const helpers = objectOf(node.props["helper-text"]);
    const required = objectOf(node.props.required);
    const days = [toDayNumber(value["start-date"]), toDayNumber(value["end-date"])];
    return (
      <div>
        <div className="grid grid-cols-2 gap-2">
          {(["start-date", "end-date"] as const).map((key, index) => (
            <DateBox
              key={key}
              id={`${field.id}-${key}`}
              label={
                text(labels[key]) +
                (required[key] === true || node.props.required === true ? "" : " (optional)")
              }
              helper={helpers[key]}
              day={days[index] ?? null}
              enabled={field.enabled}
              invalid={!!field.error}
              onOpen={() => setOpen(true)}
            />
          ))}
        </div>
        <FieldHint id={field.id} error={field.error} />
        {open && (
          <CalendarSheet
            title={text(node.props.title) || text(labels["start-date"]) || "Select dates"}
            description={node.props.description === undefined ? undefined : text(node.props.description)}
            rules={rules}
            selected={days}
            range
            initialDay={initialDay}
            onClose={close}
            onPick={([start, end]) => {
              field.change({
                "start-date": dayNumberToIso(start ?? 0),
                "end-date": dayNumberToIso(end ?? start ?? 0),
              });
              close();
            }}
          />
        )}
      </div>
    );
  }

  const day = toDayNumber(field.value);
  const legacy = node.type === "DatePicker" && versionNumber(field.version) < 500;
  return (
    <div>
      <DateBox
        id={field.id}
        label={text(node.props.label) + (field.required ? "" : " (optional)")}
        day={day}
        enabled={field.enabled}
        invalid={!!field.error}
        onOpen={() => setOpen(true)}
      />
      <FieldHint id={field.id} helper={node.props["helper-text"]} error={field.error} />
      {open && (
        <CalendarSheet
          title={text(node.props.label)}
          rules={rules}
          selected={[day]}
          range={false}
          initialDay={initialDay}
          onClose={close}
          onPick={([picked]) => {
            field.change(datePickerValue(picked ?? 0, legacy));
            close();
          }}
        />
      )}
    </div>
  );
}

function objectOf(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {};
}

type BoxProps = {
  id: string;
  label: string;
  helper?: unknown;
  day: number | null;
  enabled: boolean;
  invalid: boolean;
  onOpen: () => void;
};

function DateBox({ id, label, helper, day, enabled, invalid, onOpen }: BoxProps) {
  return (
    <div>
      <button
        type="button"
        id={id}
        aria-label={label}
        aria-haspopup="dialog"
        disabled={!enabled}
        onClick={onOpen}
        className={cn(
          "relative flex w-full items-center rounded-lg border px-3 text-left",
          day !== null ? "pt-5 pb-2" : "py-3.5",
          invalid ? "border-(--wa-error)" : "border-(--wa-border)",
          !enabled && "bg-(--wa-disabled) opacity-70",
        )}
      >
        <span
          className={cn(
            "pointer-events-none absolute left-3 max-w-[calc(100%-3rem)] truncate text-(--wa-muted)",
            day !== null ? "top-1.5 text-[11px]" : "top-3.5 text-sm",
          )}
        >
          {label}
        </span>
        <span className="min-h-5 flex-1 text-sm text-(--wa-fg)">{day !== null ? formatDay(day) : ""}</span>
        <CalendarDays aria-hidden className="size-5 shrink-0 text-(--wa-muted)" />
      </button>
      {helper !== undefined && <p className="mt-1 px-1 text-xs text-(--wa-muted)">{text(helper)}</p>}
    </div>
  );
}
