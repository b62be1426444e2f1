import { Card } from "@/components/ui/card";

type Props = { total: number; perDay: { day: string; count: number }[]; sends: number | null };

const numberFormat = new Intl.NumberFormat("en-US");
const DAY_MS = 86_400_000;
const MAX_FILLED_DAYS = 92;

/** Days without responses as zero bars, so the bars keep the calendar's spacing (for ranges up to ~3 months). */
function withEmptyDays(perDay: { day: string; count: number }[]) {
  const first = perDay[0];
  const last = perDay[perDay.length - 1];
  if (!first || !last) return perDay;
  const start = Date.parse(first.day);
  const span = (Date.parse(last.day) - start) / DAY_MS + 1;
  if (span > MAX_FILLED_DAYS) return perDay;
  const counts = new Map(perDay.map((day) => [day.day, day.count]));
  return Array.from({ length: span }, (_, index) => {
    const day = new Date(start + index * DAY_MS).toISOString().slice(0, 10);
    return { day, count: counts.get(day) ?? 0 };
  });
}

/** Total, a per-day bar chart (inline SVG), and the completion rate when the sends are known. */
export function ResponsesSummary({ total, perDay, sends }: Props) {
  const days = withEmptyDays(perDay).slice(-MAX_FILLED_DAYS);
  const max = Math.max(1, ...days.map((day) => day.count));
  const barWidth = 100 / Math.max(days.length, 1);
  return (
    <div
      className={`mb-4 grid gap-4 ${sends === null ? "md:grid-cols-[200px_1fr]" : "md:grid-cols-[200px_200px_1fr]"}`}
    >
      <Card className="p-4">
        <p className="text-xs font-medium tracking-wide text-slate-500 uppercase">Responses</p>
        <p className="mt-1 text-2xl font-semibold text-slate-900" data-testid="responses-total">
          {numberFormat.format(total)}
        </p>
      </Card>
      {sends === null ? null : (
        <Card className="p-4">
          <p className="text-xs font-medium tracking-wide text-slate-500 uppercase">Completion rate</p>
          {sends > 0 ? (
            <p className="mt-1 text-2xl font-semibold text-slate-900">
              {Math.min(100, Math.round((total / sends) * 100))}%
              <span className="ml-2 text-xs font-normal text-slate-500">
                of {numberFormat.format(sends)} sent
              </span>
            </p>
          ) : (
            <p className="mt-2 text-sm text-slate-500">No sends recorded for this flow in this range.</p>
          )}
        </Card>
      )}
      <Card className="p-4">
        <p className="text-xs font-medium tracking-wide text-slate-500 uppercase">
          Per day (UTC){perDay.length > days.length ? `, the last ${days.length} days with responses` : ""}
        </p>
        {days.length === 0 ? (
          <p className="mt-2 text-sm text-slate-500">Nothing in this range.</p>
        ) : (
          <svg
            viewBox="0 0 100 40"
            preserveAspectRatio="none"
            className="mt-2 h-16 w-full"
            role="img"
            aria-label="Responses per day"
          >
            {days.map((day, index) => {
              const height = day.count === 0 ? 0 : Math.max(1, (day.count / max) * 38);
              return (
                <rect
                  key={day.day}
                  x={index * barWidth + barWidth * 0.1}
                  y={40 - height}
                  width={barWidth * 0.8}
                  height={height}
                  className="fill-brand-500"
                >
                  <title>{`${day.day}: ${numberFormat.format(day.count)}`}</title>
                </rect>
              );
            })}
          </svg>
        )}
        {days.length > 0 ? (
          <div className="mt-1 flex justify-between text-[11px] text-slate-500">
            <span>{days[0]!.day}</span>
            <span>{days[days.length - 1]!.day}</span>
          </div>
        ) : null}
      </Card>
    </div>
  );
}
