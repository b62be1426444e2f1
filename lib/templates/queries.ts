import "server-only";
import { subDays } from "date-fns";
import { getDb } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { parseComponents, type CachedComponent } from "./components";
import { describeFlowJson, type FlowButtonOption } from "./flow-options";
import type { TemplateRuleContext } from "./rules";

/** WhatsApp blocks a deleted template's name for this long (8x8 code 3060). */
export const NAME_REUSE_BLOCK_DAYS = 30;

export type TemplateRow = {
  id: string;
  channelId: string;
  name: string;
  language: string;
  category: string;
  status: string;
  rejectionReason: string | null;
  qualityScore: string;
  components: CachedComponent[];
  /** The flows the template's Flow buttons open, with Flowport's id when the flow is cached. */
  flows: { externalId: string; id: string | null; name: string | null; status: string | null }[];
  createdAt: Date;
  updatedAt: Date;
  lastSyncedAt: Date | null;
};

type TemplateRecord = Awaited<ReturnType<ReturnType<typeof getDb>["template"]["findMany"]>>[number];

async function withFlows(templates: TemplateRecord[]): Promise<TemplateRow[]> {
  const externalIds = [...new Set(templates.flatMap((t) => t.flowExternalIds))];
  const channelIds = [...new Set(templates.map((t) => t.channelId))];
  const flows =
    externalIds.length === 0
      ? []
      : await getDb().flow.findMany({
          where: { externalId: { in: externalIds }, channelId: { in: channelIds } },
          select: { id: true, externalId: true, channelId: true, name: true, status: true },
        });
  return templates.map((t) => ({
    id: t.id,
    channelId: t.channelId,
    name: t.name,
    language: t.language,
    category: t.category,
    status: t.status,
    rejectionReason: t.rejectionReason,
    qualityScore: t.qualityScore,
    components: parseComponents(t.components),
    flows: t.flowExternalIds.map((externalId) => {
      const flow = flows.find((f) => f.externalId === externalId && f.channelId === t.channelId);
      return { externalId, id: flow?.id ?? null, name: flow?.name ?? null, status: flow?.status ?? null };
    }),
    createdAt: t.createdAt,
    updatedAt: t.updatedAt,
    lastSyncedAt: t.lastSyncedAt,
  }));
}

export type TemplateFilters = {
  status?: string | undefined;
  category?: string | undefined;
  search?: string | undefined;
};

export async function listTemplates(
  channelId: string,
  filters: TemplateFilters = {},
): Promise<TemplateRow[]> {
  const templates = await getDb().template.findMany({
    where: {
      channelId,
      ...(filters.status ? { status: filters.status } : {}),
      ...(filters.category ? { category: filters.category } : {}),
      ...(filters.search ? { name: { contains: filters.search.trim(), mode: "insensitive" as const } } : {}),
    },
    orderBy: [{ updatedAt: "desc" }, { name: "asc" }],
  });
  return withFlows(templates);
}

export async function getTemplate(templateId: string): Promise<TemplateRow> {
  const template = await getDb().template.findUnique({ where: { id: templateId } });
  if (!template) throw new NotFoundError("The template");
  const [row] = await withFlows([template]);
  return row!;
}

/** For the flow detail page's usage map and for the flow delete/deprecate warnings. */
export async function templatesUsingFlow(flowId: string): Promise<TemplateRow[]> {
  const flow = await getDb().flow.findUnique({
    where: { id: flowId },
    select: { externalId: true, channelId: true },
  });
  if (!flow) return [];
  const templates = await getDb().template.findMany({
    where: { channelId: flow.channelId, flowExternalIds: { has: flow.externalId } },
    orderBy: { name: "asc" },
  });
  return withFlows(templates);
}

/** The channel's PUBLISHED flows: the only ones a Flow button may open (AT-TPL-1). */
export async function publishedFlowOptions(channelId: string): Promise<FlowButtonOption[]> {
  const flows = await getDb().flow.findMany({
    where: { channelId, status: "PUBLISHED" },
    select: { id: true, externalId: true, name: true, flowJson: true },
    orderBy: { name: "asc" },
  });
  return flows.map((flow) => ({
    id: flow.id,
    externalId: flow.externalId,
    name: flow.name,
    ...describeFlowJson(flow.flowJson),
  }));
}

export async function templateRuleContext(
  channelId: string,
): Promise<TemplateRuleContext & { publishedFlows: FlowButtonOption[] }> {
  const [existing, deletions, publishedFlows] = await Promise.all([
    getDb().template.findMany({ where: { channelId }, select: { name: true, language: true } }),
    getDb().templateDeletion.findMany({
      where: { channelId, deletedAt: { gt: subDays(new Date(), NAME_REUSE_BLOCK_DAYS) } },
      orderBy: { deletedAt: "desc" },
    }),
    publishedFlowOptions(channelId),
  ]);
  const stillCached = new Set(existing.map((t) => t.name));
  return {
    existingTemplates: existing,
    recentlyDeleted: deletions
      .filter((d) => !stillCached.has(d.name))
      .map((d) => ({
        name: d.name,
        reusableAfter: new Date(d.deletedAt.getTime() + NAME_REUSE_BLOCK_DAYS * 86_400_000),
      })),
    publishedFlows,
  };
}

export async function getTemplateSyncState(channelId: string) {
  return getDb().templateSyncState.findUnique({ where: { channelId } });
}
