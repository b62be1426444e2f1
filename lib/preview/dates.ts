// Date values: "YYYY-MM-DD" from Flow JSON 5.0, millisecond timestamps as strings before (§8.9).

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;
export const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"] as const;

/** Days since 1970-01-01 (UTC) for an ISO date or a millisecond timestamp string; null when unreadable. */
export function toDayNumber(value: unknown): number | null {
  if (typeof value !== "string") return null;
  const iso = ISO.exec(value);
  if (iso) {
    const ms = Date.UTC(Number(iso[1]), Number(iso[2]) - 1, Number(iso[3]));
    const date = new Date(ms);
    return date.getUTCDate() === Number(iso[3]) ? Math.floor(ms / DAY_MS) : null;
  }
  if (/^\d{9,}$/.test(value)) return Math.floor(Number(value) / DAY_MS);
  return null;
}

export function dayNumberToIso(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The value a DatePicker stores for a picked day: ISO from 5.0, a timestamp string before. */
export function datePickerValue(day: number, legacyTimestamps: boolean): string {
  return legacyTimestamps ? String(day * DAY_MS) : dayNumberToIso(day);
}

export function weekdayOf(day: number): (typeof WEEKDAYS)[number] {
  // 1970-01-01 was a Thursday.
  return WEEKDAYS[(((day + 4) % 7) + 7) % 7] ?? "Sun";
}

export type DateRules = {
  min: number | null;
  max: number | null;
  unavailable: Set<number>;
  includeDays: Set<string> | null;
};

export function dateRules(props: Record<string, unknown>): DateRules {
  const unavailable = Array.isArray(props["unavailable-dates"]) ? props["unavailable-dates"] : [];
  const include = Array.isArray(props["include-days"]) ? props["include-days"] : null;
  return {
    min: toDayNumber(props["min-date"]),
    max: toDayNumber(props["max-date"]),
    unavailable: new Set(unavailable.map(toDayNumber).filter((day): day is number => day !== null)),
    includeDays: include ? new Set(include.filter((day): day is string => typeof day === "string")) : null,
  };
}

export function isDaySelectable(day: number, rules: DateRules): boolean {
  if (rules.min !== null && day < rules.min) return false;
  if (rules.max !== null && day > rules.max) return false;
  if (rules.unavailable.has(day)) return false;
  if (rules.includeDays && !rules.includeDays.has(weekdayOf(day))) return false;
  return true;
}
