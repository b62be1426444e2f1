import "server-only";
import { getDb } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { NotFoundError } from "@/lib/errors";
import type { FlowStatus } from "./status-rules";

export const FLOW_SORTS = ["updated_desc", "updated_asc", "name_asc", "name_desc", "status"] as const;
export type FlowSort = (typeof FLOW_SORTS)[number];

export type FlowListFilters = {
  /** Part of the name, any case. */
  search?: string;
  status?: FlowStatus;
  sort?: FlowSort;
};

export type FlowListRow = {
  id: string;
  externalId: string;
  name: string;
  status: FlowStatus;
  categories: string[];
  createdAt: Date;
  updatedAt: Date;
  validationErrorCount: number;
  /** Details (Flow JSON, categories) not fetched from 8x8 yet. */
  detailsPending: boolean;
  /** Names of the cached templates whose Flow buttons open this flow. */
  usedByTemplates: string[];
};

const ORDER_BY: Record<FlowSort, Prisma.Sql> = {
  updated_desc: Prisma.sql`"updatedAt" DESC, id`,
  updated_asc: Prisma.sql`"updatedAt" ASC, id`,
  name_asc: Prisma.sql`lower(name) ASC, id`,
  name_desc: Prisma.sql`lower(name) DESC, id`,
  status: Prisma.sql`CASE status WHEN 'DRAFT' THEN 0 WHEN 'PUBLISHED' THEN 1 ELSE 2 END, "updatedAt" DESC, id`,
};

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Template usage of a channel's flows: flow externalId → template names. */
export async function templateUsage(channelId: string): Promise<Map<string, string[]>> {
  const templates = await getDb().template.findMany({
    where: { channelId, flowExternalIds: { isEmpty: false } },
    select: { name: true, language: true, flowExternalIds: true },
    orderBy: { name: "asc" },
  });
  const usage = new Map<string, string[]>();
  for (const template of templates) {
    for (const externalId of template.flowExternalIds) {
      const names = usage.get(externalId) ?? [];
      if (!names.includes(template.name)) names.push(template.name);
      usage.set(externalId, names);
    }
  }
  return usage;
}

/** The channel's cached flows, filtered and sorted in PostgreSQL; never reads the (large) Flow JSON text. */
export async function listFlows(channelId: string, filters: FlowListFilters = {}): Promise<FlowListRow[]> {
  const search = filters.search?.trim();
  const conditions = [Prisma.sql`"channelId" = ${channelId}::uuid`];
  if (search) conditions.push(Prisma.sql`name ILIKE ${`%${escapeLike(search)}%`}`);
  if (filters.status) conditions.push(Prisma.sql`status = ${filters.status}::"FlowStatus"`);
  const [rows, usage] = await Promise.all([
    getDb().$queryRaw<Omit<FlowListRow, "usedByTemplates">[]>`
      SELECT id, "externalId", name, status::text AS status, categories, "createdAt", "updatedAt",
             jsonb_array_length(CASE jsonb_typeof("validationErrors") WHEN 'array' THEN "validationErrors" ELSE '[]'::jsonb END) AS "validationErrorCount",
             ("lastSyncedAt" IS NULL) AS "detailsPending"
      FROM "Flow"
      WHERE ${Prisma.join(conditions, " AND ")}
      ORDER BY ${ORDER_BY[filters.sort ?? "updated_desc"]}`,
    templateUsage(channelId),
  ]);
  return rows.map((row) => ({ ...row, usedByTemplates: usage.get(row.externalId) ?? [] }));
}

export type FlowCounts = Record<FlowStatus, number>;

export async function countFlowsByStatus(channelId: string): Promise<FlowCounts> {
  const groups = await getDb().flow.groupBy({ by: ["status"], where: { channelId }, _count: { _all: true } });
  const counts: FlowCounts = { DRAFT: 0, PUBLISHED: 0, DEPRECATED: 0 };
  for (const group of groups) counts[group.status] = group._count._all;
  return counts;
}

/**
 * One cached flow with its channel. With `channelId`, a flow of another channel is "not found" as well,
 * so an id from elsewhere reveals nothing.
 */
export async function getFlow(id: string, scope: { channelId?: string } = {}) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw new NotFoundError("The flow");
  const flow = await getDb().flow.findFirst({
    where: { id, ...(scope.channelId ? { channelId: scope.channelId } : {}) },
    include: { channel: { select: { id: true, externalId: true, name: true } } },
  });
  if (!flow) throw new NotFoundError("The flow");
  return flow;
}
export type CachedFlow = Awaited<ReturnType<typeof getFlow>>;
