import "server-only";
import { randomBytes, randomInt } from "node:crypto";
import { validateFlowJson } from "@/lib/flow-json";
import { getDb } from "@/lib/db";
import type { SimFlow } from "@/lib/generated/prisma/client";
import { badRequest, conflict, notFound, SimError } from "./errors";
import type { PathStyle, SimResponse } from "./types";

const CATEGORIES = new Set([
  "SIGN_UP",
  "SIGN_IN",
  "APPOINTMENT_BOOKING",
  "LEAD_GENERATION",
  "CONTACT_US",
  "CUSTOMER_SUPPORT",
  "SURVEY",
  "OTHER",
]);
const PREVIEW_LIFETIME_MS = 48 * 3600_000;

type ValidationErrorOut = {
  error: string;
  errorType: string;
  message: string;
  lineStart: number;
  lineEnd: number;
  columnStart: number;
  columnEnd: number;
  pointers: { path: string; lineStart: number; lineEnd: number; columnStart: number; columnEnd: number }[];
};

/** Meta-issued flow ids are 15-16 digit numbers. */
export function newFlowId(): string {
  return `${randomInt(1, 10)}${String(randomInt(0, 1e9)).padStart(9, "0")}${String(randomInt(0, 1e6)).padStart(6, "0")}`;
}

export const newToken = () => randomBytes(18).toString("base64url");

/** Validation as 8x8 reports it: the errors only (warnings are not part of its answer). */
export function validationErrorsFor(
  flowJson: string | null,
  endpointUri: string | null,
): ValidationErrorOut[] {
  if (flowJson === null) return [];
  const result = validateFlowJson(flowJson, { hasEndpoint: Boolean(endpointUri) });
  return result.errors.map((e) => ({
    error: e.error,
    errorType: e.errorType,
    message: e.message,
    lineStart: e.lineStart,
    lineEnd: e.lineEnd,
    columnStart: e.columnStart,
    columnEnd: e.columnEnd,
    pointers: e.pointers.map((p) => ({
      path: p.path,
      lineStart: p.lineStart,
      lineEnd: p.lineEnd,
      columnStart: p.columnStart,
      columnEnd: p.columnEnd,
    })),
  }));
}

function errorsOf(flow: SimFlow): ValidationErrorOut[] {
  return Array.isArray(flow.validationErrors) ? (flow.validationErrors as ValidationErrorOut[]) : [];
}

type FlowBody = {
  name?: string;
  categories?: string[];
  flowJson?: string;
  publish?: boolean;
  cloneFlowId?: string;
  endPointUri?: string;
  applicationId?: string;
};

/** Checks the body as 8x8 documents it (§2.5, §2.7); `flowJson` must be a string ("Use JSON.stringify()"). */
function parseFlowBody(raw: unknown, mode: "create" | "update"): FlowBody {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw))
    throw badRequest("Request body must be a JSON object");
  const body = raw as Record<string, unknown>;
  const out: FlowBody = {};
  if (body.name !== undefined || mode === "create") {
    if (typeof body.name !== "string" || body.name.trim() === "") throw badRequest("name is required");
    out.name = body.name;
  }
  if (body.categories !== undefined || mode === "create") {
    if (!Array.isArray(body.categories) || body.categories.length === 0)
      throw badRequest("categories is required");
    for (const category of body.categories) {
      if (typeof category !== "string" || !CATEGORIES.has(category))
        throw badRequest(`Invalid category '${String(category)}'`);
    }
    out.categories = body.categories as string[];
  }
  if (body.flowJson !== undefined) {
    if (typeof body.flowJson !== "string") throw badRequest("flowJson must be a string");
    out.flowJson = body.flowJson;
  }
  if (body.publish !== undefined) {
    if (typeof body.publish !== "boolean") throw badRequest("publish must be a boolean");
    out.publish = body.publish;
  }
  for (const key of ["cloneFlowId", "endPointUri", "applicationId"] as const) {
    if (body[key] === undefined) continue;
    if (typeof body[key] !== "string") throw badRequest(`${key} must be a string`);
    out[key] = body[key];
  }
  if (out.endPointUri !== undefined && !URL.canParse(out.endPointUri))
    throw badRequest("endPointUri must be a valid URI");
  if (mode === "update" && Object.keys(out).length === 0)
    throw badRequest("At least one property must be present in the request body");
  return out;
}

async function findFlow(channelId: string, flowId: string): Promise<SimFlow> {
  const flow = await getDb().simFlow.findFirst({ where: { id: flowId, channelId } });
  if (!flow) throw notFound("Flow not found");
  return flow;
}

async function isUsedByTemplate(flowId: string): Promise<boolean> {
  return (await getDb().simTemplate.count({ where: { deletedAt: null, flowIds: { has: flowId } } })) > 0;
}

function saveAnswer(flow: SimFlow, style: PathStyle, status: number): SimResponse {
  const errors = errorsOf(flow);
  if (style === "B") {
    return {
      status,
      json: {
        id: flow.id,
        name: flow.name,
        status: flow.status,
        categories: flow.categories,
        validation_errors: errors,
      },
    };
  }
  // "List of validation errors (only present if there are errors in the flow JSON)"
  return {
    status: 200,
    json: { id: flow.id, success: true, ...(errors.length > 0 ? { validationErrors: errors } : {}) },
  };
}

export async function listFlows(channelId: string, query: URLSearchParams): Promise<SimResponse> {
  const limitText = query.get("limit");
  const limit = limitText === null ? 100 : Number(limitText);
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000)
    throw badRequest("limit must be an integer between 1 and 1000");
  const flows = await getDb().simFlow.findMany({
    where: { channelId },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take: limit,
    select: { id: true, name: true, status: true },
  });
  return { status: 200, json: { flows } };
}

export async function createFlow(channelId: string, raw: unknown, style: PathStyle): Promise<SimResponse> {
  const body = parseFlowBody(raw, "create");
  let flowJson = body.flowJson ?? null;
  if (body.cloneFlowId) {
    const source = await getDb().simFlow.findFirst({ where: { id: body.cloneFlowId, channelId } });
    if (!source) throw notFound("Flow to clone from not found");
    flowJson ??= source.flowJson;
  }
  const endpointUri = body.endPointUri ?? null;
  const validationErrors = validationErrorsFor(flowJson, endpointUri);
  // An invalid Flow JSON is still saved, as a draft; only a clean one can be published right away.
  const publish = body.publish === true && flowJson !== null && validationErrors.length === 0;
  const now = new Date();
  const flow = await getDb().simFlow.create({
    data: {
      id: newFlowId(),
      channelId,
      name: body.name!,
      categories: body.categories!,
      status: publish ? "PUBLISHED" : "DRAFT",
      flowJson,
      validationErrors,
      endpointUri,
      assetToken: newToken(),
      createdAt: now,
      updatedAt: now,
    },
  });
  return saveAnswer(flow, style, 201);
}

export async function getFlow(
  channelId: string,
  flowId: string,
  style: PathStyle,
  publicBase: string,
): Promise<SimResponse> {
  const flow = await findFlow(channelId, flowId);
  const errors = errorsOf(flow);
  if (style === "B") {
    return {
      status: 200,
      json: {
        id: flow.id,
        name: flow.name,
        status: flow.status,
        categories: flow.categories,
        validation_errors: errors,
        flowJson: flow.flowJson ?? "",
      },
    };
  }
  return {
    status: 200,
    json: {
      flowId: flow.id,
      ...(flow.flowJson !== null
        ? { flowJsonUrl: `${publicBase}/_assets/flow-json/${flow.id}?token=${flow.assetToken}` }
        : {}),
      name: flow.name,
      status: flow.status,
      categories: flow.categories,
      ...(errors.length > 0 ? { validationErrors: errors } : {}),
    },
  };
}

export async function updateFlow(
  channelId: string,
  flowId: string,
  raw: unknown,
  style: PathStyle,
): Promise<SimResponse> {
  const flow = await findFlow(channelId, flowId);
  const body = parseFlowBody(raw, "update");
  if (flow.status !== "DRAFT") throw conflict("Flow must be in DRAFT status");
  let flowJson = body.flowJson ?? flow.flowJson;
  if (body.cloneFlowId) {
    const source = await getDb().simFlow.findFirst({ where: { id: body.cloneFlowId, channelId } });
    if (!source) throw notFound("Flow to clone from not found");
    flowJson = source.flowJson;
  }
  const endpointUri = body.endPointUri ?? flow.endpointUri;
  const validationErrors = validationErrorsFor(flowJson, endpointUri);
  const publish = body.publish === true && flowJson !== null && validationErrors.length === 0;
  const textChanged = flowJson !== flow.flowJson;
  const updated = await getDb().simFlow.update({
    where: { id: flow.id },
    data: {
      name: body.name ?? flow.name,
      categories: body.categories ?? flow.categories,
      flowJson,
      validationErrors,
      endpointUri,
      applicationId: body.applicationId ?? flow.applicationId,
      status: publish ? "PUBLISHED" : flow.status,
      // A new text gets a new download URL, as Meta's asset URLs change with the asset.
      assetToken: textChanged ? newToken() : flow.assetToken,
      previewExpiresAt: textChanged ? null : flow.previewExpiresAt,
      updatedAt: new Date(),
    },
  });
  return saveAnswer(updated, style, 200);
}

export async function deleteFlow(channelId: string, flowId: string): Promise<SimResponse> {
  const flow = await findFlow(channelId, flowId);
  if (flow.status === "PUBLISHED") throw conflict("Only flows that are not published can be deleted");
  if (flow.status !== "DRAFT") throw conflict("Flow must be in DRAFT status");
  if (await isUsedByTemplate(flow.id)) throw conflict("Cannot delete Flows currently in use by templates");
  await getDb().simFlow.delete({ where: { id: flow.id } });
  return { status: 204 };
}

export async function publishFlow(channelId: string, flowId: string, style: PathStyle): Promise<SimResponse> {
  const flow = await findFlow(channelId, flowId);
  if (flow.status !== "DRAFT") throw conflict("Flow must be in DRAFT status");
  if (flow.flowJson === null) throw new SimError(422, 1000, "Flow has no flowJson to publish");
  if (errorsOf(flow).length > 0)
    throw new SimError(422, 1000, "Invalid flowJson: fix the validation errors before publishing");
  const updated = await getDb().simFlow.update({
    where: { id: flow.id },
    data: { status: "PUBLISHED", updatedAt: new Date() },
  });
  return style === "B"
    ? { status: 200, json: { id: updated.id, name: updated.name, status: updated.status } }
    : { status: 200 };
}

export async function deprecateFlow(
  channelId: string,
  flowId: string,
  style: PathStyle,
): Promise<SimResponse> {
  const flow = await findFlow(channelId, flowId);
  if (flow.status !== "PUBLISHED") throw conflict("Flow is not published");
  const updated = await getDb().simFlow.update({
    where: { id: flow.id },
    data: { status: "DEPRECATED", updatedAt: new Date() },
  });
  return style === "B"
    ? { status: 200, json: { id: updated.id, name: updated.name, status: updated.status } }
    : { status: 200 };
}

/** `expires_at` as the reference writes it: `2025-12-13T05:49:59+0000`. */
function referenceDate(date: Date): string {
  return `${date.toISOString().slice(0, 19)}+0000`;
}

export async function previewFlow(
  channelId: string,
  flowId: string,
  query: URLSearchParams,
  style: PathStyle,
  publicBase: string,
): Promise<SimResponse> {
  const flow = await findFlow(channelId, flowId);
  const refresh = query.get("refresh") === "true";
  let { assetToken, previewExpiresAt } = flow;
  if (refresh || !previewExpiresAt || previewExpiresAt.getTime() < Date.now()) {
    assetToken = refresh ? newToken() : assetToken;
    previewExpiresAt = new Date(Date.now() + PREVIEW_LIFETIME_MS);
    await getDb().simFlow.update({ where: { id: flow.id }, data: { assetToken, previewExpiresAt } });
  }
  const url = `${publicBase}/_assets/preview/${flow.id}?token=${assetToken}`;
  return style === "B"
    ? {
        status: 200,
        json: { preview_url: url, expires_at: previewExpiresAt.toISOString().replace(/\.\d{3}Z$/, "Z") },
      }
    : { status: 200, json: { id: flow.id, preview_url: url, expires_at: referenceDate(previewExpiresAt) } };
}

/** The flowJsonUrl download: authorised by its token only, like a signed CDN URL. */
export async function flowJsonAsset(flowId: string, token: string | null): Promise<SimResponse> {
  const flow = await getDb().simFlow.findUnique({ where: { id: flowId } });
  if (!flow || !token || token !== flow.assetToken || flow.flowJson === null)
    throw notFound("Asset not found");
  return { status: 200, body: flow.flowJson, contentType: "application/json; charset=utf-8" };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Stands in for Meta's hosted web preview: names the flow and shows its Flow JSON. */
export async function previewPage(flowId: string, token: string | null): Promise<SimResponse> {
  const flow = await getDb().simFlow.findUnique({ where: { id: flowId } });
  if (
    !flow ||
    !token ||
    token !== flow.assetToken ||
    !flow.previewExpiresAt ||
    flow.previewExpiresAt.getTime() < Date.now()
  ) {
    throw notFound("This preview link has expired or does not exist");
  }
  const html = `<!doctype html><meta charset="utf-8"><title>Preview: ${escapeHtml(flow.name)}</title>
<body style="font-family:system-ui;margin:2rem;max-width:48rem"><p style="color:#64748b">8x8 API simulator: stands in for Meta's hosted preview.</p>
<h1>${escapeHtml(flow.name)}</h1><p>Status: ${flow.status}</p><pre style="background:#f1f5f9;padding:1rem;overflow:auto">${escapeHtml(flow.flowJson ?? "")}</pre></body>`;
  return { status: 200, body: html, contentType: "text/html; charset=utf-8" };
}
