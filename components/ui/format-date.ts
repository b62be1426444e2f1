// Dates as the portal writes them, with the platform's Intl formatters: a date library costs the flow list
// about 7 KB of gzipped JavaScript (its English locale comes whole), and Intl already knows how.

const relative = new Intl.RelativeTimeFormat("en", { numeric: "auto" });

// The largest unit that fits is the one read; a month is taken as 30 days, as people round.
const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 86_400],
  ["month", 30 * 86_400],
  ["week", 7 * 86_400],
  ["day", 86_400],
  ["hour", 3_600],
  ["minute", 60],
];

/** "now", "5 minutes ago", "yesterday", "in 2 days", "last month". */
export function timeAgo(date: Date, now: Date = new Date()): string {
  const seconds = (date.getTime() - now.getTime()) / 1000;
  for (const [unit, unitSeconds] of UNITS) {
    if (Math.abs(seconds) >= unitSeconds) return relative.format(Math.round(seconds / unitSeconds), unit);
  }
  return relative.format(0, "second");
}

const DAY_AND_TIME: Intl.DateTimeFormatOptions = {
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
};
const withMinutes = new Intl.DateTimeFormat("en-GB", DAY_AND_TIME);
const withSeconds = new Intl.DateTimeFormat("en-GB", { ...DAY_AND_TIME, second: "2-digit" });

/** "7 Dec 2026, 14:05" (with `seconds`, "7 Dec 2026, 14:05:09") in the reader's time zone. */
export function dateTime(date: Date, { seconds = false }: { seconds?: boolean } = {}): string {
  return (seconds ? withSeconds : withMinutes).format(date);
}
