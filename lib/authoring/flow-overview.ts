import "server-only";
import { getDb } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { validateFlowJson, type FlowJsonProblem } from "@/lib/flow-json";
import type { FlowStatus } from "@/lib/generated/prisma/enums";
import { publishBlockersOf } from "./publish-blockers";
import { toRemoteProblems } from "./remote-problems";

export type LineageEntry = {
  id: string;
  name: string;
  status: FlowStatus;
  externalId: string;
  createdAt: string;
};

export type FlowOverview = {
  id: string;
  externalId: string;
  name: string;
  status: FlowStatus;
  categories: string[];
  endpointUri: string | null;
  flowJsonVersion: string | null;
  revision: number;
  channel: { id: string; name: string; externalId: string };
  createdAt: string;
  updatedAt: string;
  publishedAt: string | null;
  deprecatedAt: string | null;
  validation: { errors: number; warnings: number; remoteErrors: number; hasText: boolean };
  /** Oldest first, ending with the version just before this one. */
  previousVersions: LineageEntry[];
  nextVersions: LineageEntry[];
  templates: { id: string; name: string; language: string; status: string }[];
  approvedTemplateCount: number;
  responseCount: number;
  /** Empty when the draft could be published now. */
  publishBlockers: string[];
};

/** Lineage is followed at most this far back: enough for any real history, bounded against cycles. */
const MAX_LINEAGE = 25;

const lineageSelect = {
  id: true,
  name: true,
  status: true,
  externalId: true,
  createdAt: true,
  previousVersionId: true,
} as const;

/** Everything the flow detail page shows, in a few queries. */
export async function getFlowOverview(flowId: string): Promise<FlowOverview> {
  const db = getDb();
  const flow = await db.flow.findUnique({
    where: { id: flowId },
    include: {
      channel: { select: { id: true, name: true, externalId: true } },
      nextVersions: { select: lineageSelect, orderBy: { createdAt: "asc" } },
    },
  });
  if (!flow) throw new NotFoundError("The flow");

  const previousVersions: LineageEntry[] = [];
  const seen = new Set([flow.id]);
  let cursor = flow.previousVersionId;
  while (cursor && !seen.has(cursor) && previousVersions.length < MAX_LINEAGE) {
    seen.add(cursor);
    const previous = await db.flow.findUnique({ where: { id: cursor }, select: lineageSelect });
    if (!previous) break;
    previousVersions.unshift(toLineage(previous));
    cursor = previous.previousVersionId;
  }

  const [templates, responseCount] = await Promise.all([
    db.template.findMany({
      where: { channelId: flow.channelId, flowExternalIds: { has: flow.externalId } },
      select: { id: true, name: true, language: true, status: true },
      orderBy: { name: "asc" },
    }),
    db.flowResponse.count({ where: { flowId: flow.id } }),
  ]);

  const local = flow.flowJson
    ? validateFlowJson(flow.flowJson, { hasEndpoint: Boolean(flow.endpointUri) })
    : null;
  const remote = toRemoteProblems(flow.validationErrors);
  return {
    id: flow.id,
    externalId: flow.externalId,
    name: flow.name,
    status: flow.status,
    categories: flow.categories,
    endpointUri: flow.endpointUri,
    flowJsonVersion: flow.flowJsonVersion,
    revision: flow.revision,
    channel: flow.channel,
    createdAt: flow.createdAt.toISOString(),
    updatedAt: flow.updatedAt.toISOString(),
    publishedAt: flow.publishedAt?.toISOString() ?? null,
    deprecatedAt: flow.deprecatedAt?.toISOString() ?? null,
    validation: {
      errors: local?.errors.length ?? 0,
      warnings: local?.warnings.length ?? 0,
      remoteErrors: remote.length,
      hasText: Boolean(flow.flowJson),
    },
    previousVersions,
    nextVersions: flow.nextVersions.map(toLineage),
    templates,
    approvedTemplateCount: templates.filter((t) => t.status === "APPROVED").length,
    responseCount,
    publishBlockers: publishBlockersOf(flow.flowJson, Boolean(flow.endpointUri), remote),
  };
}

function toLineage(flow: {
  id: string;
  name: string;
  status: FlowStatus;
  externalId: string;
  createdAt: Date;
}): LineageEntry {
  return {
    id: flow.id,
    name: flow.name,
    status: flow.status,
    externalId: flow.externalId,
    createdAt: flow.createdAt.toISOString(),
  };
}

export type EditableFlow = {
  id: string;
  externalId: string;
  name: string;
  status: FlowStatus;
  categories: string[];
  endpointUri: string | null;
  flowJson: string;
  revision: number;
  remoteProblems: FlowJsonProblem[];
  channelName: string;
  updatedAt: string;
};

/** The flow as the editor opens it: text, metadata and the revision its save will be checked against. */
export async function getEditableFlow(flowId: string): Promise<EditableFlow> {
  const flow = await getDb().flow.findUnique({
    where: { id: flowId },
    include: { channel: { select: { name: true } } },
  });
  if (!flow) throw new NotFoundError("The flow");
  return {
    id: flow.id,
    externalId: flow.externalId,
    name: flow.name,
    status: flow.status,
    categories: flow.categories,
    endpointUri: flow.endpointUri,
    flowJson: flow.flowJson ?? "",
    revision: flow.revision,
    remoteProblems: toRemoteProblems(flow.validationErrors),
    channelName: flow.channel.name,
    updatedAt: flow.updatedAt.toISOString(),
  };
}
