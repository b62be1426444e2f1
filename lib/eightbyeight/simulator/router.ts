import "server-only";
import { timingSafeEqual } from "node:crypto";
import { logger } from "@/lib/logger";
import { sleep } from "../rate-limiter";
import { handleControl } from "./control";
import {
  errorBody,
  internalError,
  notFound,
  SIM_CODES,
  SimError,
  unauthenticated,
  badRequest,
} from "./errors";
import { takeFault } from "./faults";
import {
  createFlow,
  deleteFlow,
  deprecateFlow,
  flowJsonAsset,
  getFlow,
  listFlows,
  previewFlow,
  previewPage,
  publishFlow,
  updateFlow,
} from "./flows";
import { enforceFlowLimit, enforceMessageDetailsLimit, rateLimited } from "./limits";
import { downloadMedia, uploadMedia } from "./media";
import { messageDetails, sendMessage } from "./messages";
import { recordRequest } from "./request-log";
import { addTemplate, listTemplates, removeTemplate } from "./templates";
import type { PathStyle, SimRequest, SimResponse } from "./types";

/** accountId per 8x8-api.md §1.2: a GUID with or without dashes. */
const ACCOUNT_ID = /^[0-9A-Fa-f]{8}[-]?(?:[0-9A-Fa-f]{4}[-]?){3}[0-9A-Fa-f]{12}$/;

function bearerMatches(authorization: string | null, apiKey: string): boolean {
  const match = /^Bearer\s+(.+)$/i.exec(authorization ?? "");
  if (!match?.[1]) return false;
  const given = Buffer.from(match[1].trim());
  const expected = Buffer.from(apiKey);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

async function readJson(request: SimRequest): Promise<unknown> {
  try {
    return await request.json();
  } catch {
    throw badRequest("Malformed JSON in the request body");
  }
}

type FlowRoute = { style: PathStyle; channelId: string; rest: string[] };

/** Style A `api/v1/accounts/{accountId}/channels/{channelId}/flows/...` or B `config/v1/channels/whatsapp/{channelId}/flows/...`. */
function matchFlowRoute(segments: string[]): FlowRoute | null {
  const [a, b, c, d, e, f, g, ...rest] = segments;
  if (a === "api" && b === "v1" && c === "accounts" && d && e === "channels" && f && g === "flows") {
    if (!ACCOUNT_ID.test(d)) throw badRequest("Invalid accountId");
    return { style: "A", channelId: f, rest };
  }
  if (a === "config" && b === "v1" && c === "channels" && d === "whatsapp" && e && f === "flows") {
    return { style: "B", channelId: e, rest: g === undefined ? [] : [g, ...rest] };
  }
  return null;
}

async function dispatchFlow(request: SimRequest, route: FlowRoute): Promise<SimResponse> {
  const { style, channelId, rest } = route;
  const [flowId, action, extra] = rest;
  const m = request.method;
  if (extra !== undefined) throw notFound("Unknown endpoint");
  if (flowId === undefined) {
    if (m === "GET") return listFlows(channelId, request.query);
    if (m === "POST") return createFlow(channelId, await readJson(request), style);
  } else if (action === undefined) {
    if (m === "GET") return getFlow(channelId, flowId, style, request.publicBase);
    if (m === "PUT") return updateFlow(channelId, flowId, await readJson(request), style);
    if (m === "DELETE") return deleteFlow(channelId, flowId);
  } else if (m === "POST" && action === "publish") {
    return publishFlow(channelId, flowId, style);
  } else if (m === "POST" && action === "deprecate") {
    return deprecateFlow(channelId, flowId, style);
  } else if (m === "GET" && action === "preview") {
    return previewFlow(channelId, flowId, request.query, style, request.publicBase);
  }
  throw notFound("Unknown endpoint");
}

async function dispatchOther(request: SimRequest): Promise<SimResponse> {
  const [a, b, c, d, e, f, g, h] = request.segments;
  const m = request.method;
  if (a === "api" && b === "v1" && c === "accounts" && d && e === "channels" && f && g === "templates") {
    if (!ACCOUNT_ID.test(d)) throw badRequest("Invalid accountId");
    if (h === undefined && m === "GET") return listTemplates(f);
    if (h === undefined && m === "POST") return addTemplate(f, await readJson(request));
    if (h !== undefined && m === "DELETE" && request.segments.length === 8) return removeTemplate(f, h);
  }
  if (a === "api" && b === "v1" && c === "subaccounts" && d) {
    if (e === "messages" && f === undefined && m === "POST") return sendMessage(d, await readJson(request));
    if (e === "messages" && f && g === undefined && m === "GET") {
      await enforceMessageDetailsLimit(d);
      return messageDetails(d, f);
    }
    if (e === "files" && f === undefined && m === "POST") {
      let form: FormData;
      try {
        form = await request.formData();
      } catch {
        throw badRequest("Malformed request or missing file");
      }
      return uploadMedia(form);
    }
  }
  throw notFound("Unknown endpoint");
}

export type SimulatorOptions = {
  apiKey: string;
  /** The control endpoints also accept a signed-in admin, so the portal's own UI can drive them. */
  isAdmin: () => Promise<boolean>;
};

/** The whole simulator behind one function: the route only turns HTTP into a SimRequest and back. */
export async function handleSimulatorRequest(
  request: SimRequest,
  options: SimulatorOptions,
): Promise<SimResponse> {
  try {
    const [first, second, third] = request.segments;
    // Download URLs carry their own token, like 8x8's file links: no Bearer.
    if (first === "_assets" && request.method === "GET" && second === "flow-json" && third)
      return await flowJsonAsset(third, request.query.get("token"));
    if (first === "_assets" && request.method === "GET" && second === "preview" && third)
      return await previewPage(third, request.query.get("token"));
    if (first === "files" && request.method === "GET" && second && third === undefined)
      return await downloadMedia(second, request.query.get("token"));
    if (first === "_control") {
      if (!bearerMatches(request.authorization, options.apiKey) && !(await options.isAdmin()))
        throw unauthenticated();
      return await handleControl(request.method, request.segments.slice(1), () => readJson(request));
    }

    if (!bearerMatches(request.authorization, options.apiKey)) throw unauthenticated();
    const path = `/${request.segments.join("/")}`;
    await recordRequest(request.method, path, request.query);
    const fault = await takeFault(path);
    if (fault?.kind === "error500") throw internalError();
    if (fault?.kind === "rateLimit429") throw rateLimited(1);
    if (fault?.kind === "slow") await sleep(fault.delayMs);

    const flowRoute = matchFlowRoute(request.segments);
    if (flowRoute) {
      await enforceFlowLimit(options.apiKey);
      return await dispatchFlow(request, flowRoute);
    }
    return await dispatchOther(request);
  } catch (error) {
    if (error instanceof SimError)
      return { status: error.status, json: errorBody(error.code, error.message), headers: error.headers };
    logger.error("sim.unexpected_error", { method: request.method, error });
    return { status: 500, json: errorBody(SIM_CODES.internal, "Internal server error") };
  }
}
