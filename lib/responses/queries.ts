import "server-only";
import { getDb } from "@/lib/db";
import type { CurrentUser } from "@/lib/auth";
import { canSeeUnmaskedData } from "@/lib/auth/permissions";
import { NotFoundError } from "@/lib/errors";
import { buildFieldColumns, type FieldColumn } from "./field-columns";
import { responsesWhere, isUuid, type ResponseFilters } from "./filters";
import { toResponseRow, type ResponseRow, type StoredResponse } from "./row-model";

/** The table shows at most this many rows, as 8x8's portal does; the export has no cap. */
export const TABLE_ROW_LIMIT = 1000;

export type ResponsesScope =
  | { kind: "flow"; id: string; name: string; status: string; flowJson: string | null }
  | { kind: "unattributed" };

const RESPONSE_COLUMNS_SQL = `r.id, r.umid, r.phone, r."submittedAt", r."responseJson", r."flowToken", r.attribution, r."tokenForged", r."channelExternalId"`;

/** The flow the responses belong to (a foreign or malformed id is a 404), or the unattributed bucket. */
export async function getResponsesScope(flowId: string): Promise<ResponsesScope> {
  if (flowId === "unattributed") return { kind: "unattributed" };
  const flow = isUuid(flowId)
    ? await getDb().flow.findUnique({
        where: { id: flowId },
        select: { id: true, name: true, status: true, flowJson: true },
      })
    : null;
  if (!flow) throw new NotFoundError("The flow");
  return { kind: "flow", ...flow };
}

export type ResponsesTable = { columns: FieldColumn[]; rows: ResponseRow[]; masked: boolean };

export type ResponsesSummaryData = {
  total: number;
  perDay: { day: string; count: number }[];
  /** Non-test sends of the flow in the range; null where it does not apply (unattributed). */
  sends: number | null;
};

function orderBy(filters: ResponseFilters): string {
  return filters.sort === "asc" ? `r."submittedAt" ASC, r.id ASC` : `r."submittedAt" DESC, r.id DESC`;
}

/** The first page of the table (an index range scan, whatever the total). Masking is applied here. */
export async function loadResponsesTable(
  user: CurrentUser,
  scope: ResponsesScope,
  filters: ResponseFilters,
): Promise<ResponsesTable> {
  const unmasked = canSeeUnmaskedData(user);
  const where = responsesWhere(filters, { withSearch: unmasked });
  const stored = await getDb().$queryRawUnsafe<StoredResponse[]>(
    `SELECT ${RESPONSE_COLUMNS_SQL} FROM "FlowResponse" r WHERE ${where.sql} ORDER BY ${orderBy(filters)} LIMIT ${TABLE_ROW_LIMIT}`,
    ...where.values,
  );
  const seenKeys = new Set<string>();
  for (const response of stored) {
    if (response.responseJson && typeof response.responseJson === "object") {
      for (const key of Object.keys(response.responseJson)) seenKeys.add(key);
    }
  }
  const columns = buildFieldColumns(scope.kind === "flow" ? scope.flowJson : null, seenKeys);
  return {
    columns,
    rows: stored.map((response) => toResponseRow(response, columns, { unmasked })),
    masked: !unmasked,
  };
}

/**
 * Total, per-day counts and sends. It reads every matching row (about a second for a million), so the page
 * streams it in after the table instead of making the table wait.
 */
export async function loadResponsesSummary(
  user: CurrentUser,
  scope: ResponsesScope,
  filters: ResponseFilters,
): Promise<ResponsesSummaryData> {
  const where = responsesWhere(filters, { withSearch: canSeeUnmaskedData(user) });
  const [perDay, sends] = await Promise.all([
    getDb().$queryRawUnsafe<{ day: Date; count: bigint }[]>(
      `SELECT date_trunc('day', r."submittedAt" AT TIME ZONE 'UTC') AS day, count(*) AS count
         FROM "FlowResponse" r WHERE ${where.sql} GROUP BY 1 ORDER BY 1`,
      ...where.values,
    ),
    scope.kind === "flow" ? countSends(scope.id, filters) : Promise.resolve(null),
  ]);
  return {
    total: perDay.reduce((sum, day) => sum + Number(day.count), 0),
    perDay: perDay.map((day) => ({ day: day.day.toISOString().slice(0, 10), count: Number(day.count) })),
    sends,
  };
}

async function countSends(flowId: string, filters: ResponseFilters): Promise<number> {
  return getDb().messageSend.count({
    where: {
      flowId,
      isTest: false,
      createdAt: { gte: filters.from, lt: filters.to },
    },
  });
}

/**
 * The keys of matching responses beyond `known` (the flow's traced columns): the export's header must be
 * known before the first row. Subtracting the known keys first keeps this one cheap pass.
 */
export async function otherResponseKeys(
  filters: ResponseFilters,
  unmasked: boolean,
  known: string[],
): Promise<string[]> {
  const where = responsesWhere(filters, { withSearch: unmasked });
  const rows = await getDb().$queryRawUnsafe<{ key: string }[]>(
    `SELECT DISTINCT key FROM "FlowResponse" r, jsonb_object_keys(r."responseJson" - $${where.values.length + 1}::text[]) AS key WHERE ${where.sql}`,
    ...where.values,
    known,
  );
  return rows.map((row) => row.key).sort();
}

export type FlowWithResponses = {
  id: string;
  name: string;
  status: string;
  channelName: string;
  responses: number;
};

/** The flow picker: every cached flow with its response count, and the unattributed count. */
export async function listFlowsForResponses(): Promise<{ flows: FlowWithResponses[]; unattributed: number }> {
  const db = getDb();
  const [flows, counts, unattributed] = await Promise.all([
    db.flow.findMany({
      select: { id: true, name: true, status: true, channel: { select: { name: true } } },
      orderBy: { name: "asc" },
    }),
    db.flowResponse.groupBy({ by: ["flowId"], _count: { _all: true }, where: { flowId: { not: null } } }),
    db.flowResponse.count({ where: { flowId: null } }),
  ]);
  const byFlow = new Map(counts.map((count) => [count.flowId, count._count._all]));
  return {
    flows: flows.map((flow) => ({
      id: flow.id,
      name: flow.name,
      status: flow.status,
      channelName: flow.channel.name,
      responses: byFlow.get(flow.id) ?? 0,
    })),
    unattributed,
  };
}

export async function listChannels(): Promise<{ id: string; name: string }[]> {
  return getDb().channel.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } });
}
