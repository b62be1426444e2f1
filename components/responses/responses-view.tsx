import { Download, Inbox } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Card, EmptyState, Notice } from "@/components/ui/card";
import { Input, NativeSelect } from "@/components/ui/input";
import { Suspense } from "react";
import {
  TABLE_ROW_LIMIT,
  type ResponsesSummaryData,
  type ResponsesTable as ResponsesTableData,
} from "@/lib/responses";
import { ResponsesSummary } from "./responses-summary";
import { ResponsesTable } from "./responses-table";

export type RawResponseFilters = {
  from?: string;
  to?: string;
  channelId?: string;
  q?: string;
  sort: "asc" | "desc";
};

type Props = {
  /** The path the filter form submits to; `hidden` keeps parameters such as flowId on /responses. */
  action: string;
  hidden: Record<string, string>;
  flowIdParam: string;
  filters: RawResponseFilters;
  table: ResponsesTableData;
  summary: Promise<ResponsesSummaryData>;
  channels: { id: string; name: string }[];
  assignableFlows: { id: string; name: string }[] | null;
};

const numberFormat = new Intl.NumberFormat("en-US");

function query(params: Record<string, string | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) search.set(key, value);
  return search.toString();
}

/** Filters, summary, the (virtualized) table and the export of one flow's responses. Filters live in the URL. */
export function ResponsesView({
  action,
  hidden,
  flowIdParam,
  filters,
  table: page,
  summary,
  channels,
  assignableFlows,
}: Props) {
  const filterParams = {
    from: filters.from,
    to: filters.to,
    channelId: filters.channelId,
    q: page.masked ? undefined : filters.q,
  };
  const exportHref = `/api/responses/export?${query({ flowId: flowIdParam, ...filterParams, sort: filters.sort })}`;
  const toggleSortHref = `${action}?${query({ ...hidden, ...filterParams, sort: filters.sort === "desc" ? "asc" : "desc" })}`;
  const filtered = Boolean(filters.from || filters.to || filters.channelId || filterParams.q);
  return (
    <>
      {page.masked ? (
        <Notice tone="warning" className="mb-4">
          Phone numbers and submitted values are masked because your account does not have log access. The
          export is masked too; ask an administrator for log access to see the data.
        </Notice>
      ) : null}
      <Card className="mb-4 p-4">
        <form
          method="get"
          action={action}
          className="flex flex-wrap items-end gap-3"
          aria-label="Filter responses"
        >
          {Object.entries(hidden).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          <input type="hidden" name="sort" value={filters.sort} />
          <label className="text-sm font-medium text-slate-700">
            From (UTC)
            <Input type="date" name="from" defaultValue={filters.from} className="mt-1 w-40" />
          </label>
          <label className="text-sm font-medium text-slate-700">
            To (UTC)
            <Input type="date" name="to" defaultValue={filters.to} className="mt-1 w-40" />
          </label>
          <label className="text-sm font-medium text-slate-700">
            Channel
            <NativeSelect name="channelId" defaultValue={filters.channelId ?? ""} className="mt-1 w-48">
              <option value="">All channels</option>
              {channels.map((channel) => (
                <option key={channel.id} value={channel.id}>
                  {channel.name}
                </option>
              ))}
            </NativeSelect>
          </label>
          <label className="min-w-56 flex-1 text-sm font-medium text-slate-700">
            Search values
            <Input
              type="search"
              name="q"
              defaultValue={page.masked ? "" : filters.q}
              disabled={page.masked}
              placeholder={page.masked ? "Needs log access" : "Name, email, order number…"}
              className="mt-1"
            />
          </label>
          <div className="flex gap-2">
            <Button type="submit">Apply</Button>
            {filtered ? (
              <Button variant="ghost" asChild>
                <a href={`${action}?${query({ ...hidden })}`}>Reset</a>
              </Button>
            ) : null}
          </div>
          <div className="ml-auto">
            <Button variant="secondary" asChild>
              <a href={exportHref} download data-testid="export-csv">
                <Download className="h-4 w-4" aria-hidden />
                Export CSV
              </a>
            </Button>
          </div>
        </form>
      </Card>

      <Suspense fallback={<SummaryPlaceholder />}>
        <StreamedSummary summary={summary} />
      </Suspense>

      {page.rows.length === 0 ? (
        <EmptyState
          icon={<Inbox className="h-10 w-10" />}
          title={filtered ? "No responses match these filters" : "No responses yet"}
        >
          {filtered
            ? "Change the date range, channel or search."
            : "Submissions arrive by webhook from 8x8 as soon as customers complete the flow."}
        </EmptyState>
      ) : (
        <>
          <Suspense
            fallback={
              <p className="mb-2 text-sm text-slate-600">
                {page.rows.length === TABLE_ROW_LIMIT
                  ? `Showing the first ${numberFormat.format(TABLE_ROW_LIMIT)} responses…`
                  : " "}
              </p>
            }
          >
            <StreamedCount summary={summary} shown={page.rows.length} />
          </Suspense>
          <ResponsesTable
            columns={page.columns}
            rows={page.rows}
            sort={filters.sort}
            toggleSortHref={toggleSortHref}
            assignableFlows={assignableFlows}
          />
        </>
      )}
    </>
  );
}

async function StreamedSummary({ summary }: { summary: Promise<ResponsesSummaryData> }) {
  const { total, perDay, sends } = await summary;
  return <ResponsesSummary total={total} perDay={perDay} sends={sends} />;
}

async function StreamedCount({ summary, shown }: { summary: Promise<ResponsesSummaryData>; shown: number }) {
  const { total } = await summary;
  return (
    <p className="mb-2 text-sm text-slate-600" data-testid="responses-count">
      {total > shown
        ? `Showing the first ${numberFormat.format(shown)} of ${numberFormat.format(total)} responses. Export CSV downloads all of them.`
        : `${numberFormat.format(total)} ${total === 1 ? "response" : "responses"}.`}
    </p>
  );
}

function SummaryPlaceholder() {
  return (
    <div
      className="mb-4 grid gap-4 md:grid-cols-[200px_200px_1fr]"
      aria-busy="true"
      aria-label="Loading the summary"
    >
      {[0, 1, 2].map((index) => (
        <Card key={index} className="h-[106px] animate-pulse bg-slate-50" />
      ))}
    </div>
  );
}
