import { createHash } from "node:crypto";
import { EightByEightUnreachableError } from "./errors";
import { createMemoryRateLimiter, type RateLimiter } from "./rate-limiter";
import { apiRequest, DEFAULT_RETRY, type RequestCoreConfig, type RetryPolicy } from "./request";
import {
  flowDetailsSchema,
  flowListSchema,
  flowPreviewSchema,
  flowSaveResultSchema,
  mediaUploadSchema,
  messageDetailsSchema,
  messageSendResultSchema,
  normaliseTemplates,
  templateListSchema,
  type FlowCategory,
  type FlowDetails,
  type FlowPreview,
  type FlowSaveResult,
  type FlowSummary,
  type MessageDetails,
  type MessageSendResult,
  type TemplateSummary,
} from "./schemas";

export type EightByEightConfig = {
  /** e.g. https://chatapps.8x8.com, or <app>/api/sim/8x8 for the built-in simulator. */
  baseUrl: string;
  apiKey: string;
  accountId: string;
  subAccountId: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  /** Shared across instances in the server (PostgreSQL); in memory when omitted. */
  limiter?: RateLimiter;
};

export type CreateFlowInput = {
  name: string;
  categories: FlowCategory[] | string[];
  /** The Flow JSON text, exactly as typed: 8x8's line/column positions refer to it. */
  flowJson?: string;
  publish?: boolean;
  cloneFlowId?: string;
  endPointUri?: string;
};

export type UpdateFlowInput = Partial<CreateFlowInput> & { applicationId?: string };

export type TemplateButtonInput = {
  type: "PHONE_NUMBER" | "URL" | "QUICK_REPLY" | "OTP" | "COPY_CODE" | "FLOW" | "VOICE_CALL";
  text: string;
  phoneNumber?: string;
  url?: string;
  example?: string[];
  flowId?: string;
  flowAction?: "navigate" | "data_exchange";
  navigateScreen?: string;
};

export type TemplateComponentInput = {
  type: "HEADER" | "BODY" | "FOOTER" | "BUTTONS";
  format?: "Text" | "Image" | "Video" | "Document" | "Location";
  text?: string;
  examples?: string[];
  buttons?: TemplateButtonInput[];
};

export type AddTemplateInput = {
  name: string;
  language: string;
  category: "UTILITY" | "MARKETING" | "AUTHENTICATION";
  components: TemplateComponentInput[];
  allow_category_change?: boolean;
  message_send_ttl_seconds?: number;
};

/** The envelope of 8x8-api.md §4.1: `{user: {msisdn}, type, content}`; `content` depends on `type`. */
export type SendMessageInput = {
  user: { msisdn: string };
  type: string;
  content: Record<string, unknown>;
  clientMessageId?: string;
};

export type MediaUploadResult = { url: string; fileName: string | null; token: string | null };

const enc = encodeURIComponent;

export function createEightByEightClient(config: EightByEightConfig) {
  const core: RequestCoreConfig = {
    baseUrl: config.baseUrl,
    apiKey: config.apiKey,
    fetch: config.fetch ?? fetch,
    timeoutMs: config.timeoutMs ?? 15_000,
    retry: { ...DEFAULT_RETRY, ...config.retry },
    limiter: config.limiter ?? createMemoryRateLimiter(),
    limiterBucket: `8x8-flows:${createHash("sha256").update(config.apiKey).digest("hex").slice(0, 24)}`,
  };
  const channelPath = (channelId: string) =>
    `/api/v1/accounts/${enc(config.accountId)}/channels/${enc(channelId)}`;
  const flowPath = (channelId: string, flowId: string) => `${channelPath(channelId)}/flows/${enc(flowId)}`;
  const subAccountPath = `/api/v1/subaccounts/${enc(config.subAccountId)}`;

  /**
   * flowJsonUrl points at a download host (mmg.whatsapp.net at 8x8), authorised by its own signed URL:
   * the Bearer key must never be sent to it.
   */
  async function downloadFlowJson(url: string): Promise<string> {
    let response: Response;
    try {
      response = await core.fetch(url, { signal: AbortSignal.timeout(core.timeoutMs), cache: "no-store" });
    } catch {
      throw new EightByEightUnreachableError("network", { method: "GET", path: "flowJsonUrl" });
    }
    if (!response.ok)
      throw new EightByEightUnreachableError("invalid_response", {
        method: "GET",
        path: "flowJsonUrl",
        status: response.status,
      });
    return response.text();
  }

  const flows = {
    async list(channelId: string, options: { limit?: number } = {}): Promise<FlowSummary[]> {
      const { data } = await apiRequest(core, {
        method: "GET",
        path: `${channelPath(channelId)}/flows`,
        query: { limit: options.limit ?? 1000 },
        schema: flowListSchema,
        flowLimit: true,
      });
      return data.flows;
    },
    async create(channelId: string, input: CreateFlowInput): Promise<FlowSaveResult> {
      const { data } = await apiRequest(core, {
        method: "POST",
        path: `${channelPath(channelId)}/flows`,
        json: input,
        schema: flowSaveResultSchema,
        flowLimit: true,
      });
      return data;
    },
    /** Details; with `includeFlowJson` the text is taken inline when 8x8 gives it, else downloaded from flowJsonUrl. */
    async get(
      channelId: string,
      flowId: string,
      options: { includeFlowJson?: boolean } = {},
    ): Promise<FlowDetails> {
      const { data } = await apiRequest(core, {
        method: "GET",
        path: flowPath(channelId, flowId),
        schema: flowDetailsSchema,
        flowLimit: true,
      });
      const flowJson =
        data.flowJson ??
        (options.includeFlowJson && data.flowJsonUrl ? await downloadFlowJson(data.flowJsonUrl) : undefined);
      return { ...data, flowJson };
    },
    async update(channelId: string, flowId: string, input: UpdateFlowInput): Promise<FlowSaveResult> {
      const { data } = await apiRequest(core, {
        method: "PUT",
        path: flowPath(channelId, flowId),
        json: input,
        schema: flowSaveResultSchema,
        flowLimit: true,
      });
      return data;
    },
    async delete(channelId: string, flowId: string): Promise<void> {
      await apiRequest(core, {
        method: "DELETE",
        path: flowPath(channelId, flowId),
        schema: null,
        flowLimit: true,
      });
    },
    /** No body per the reference, `{id,name,status}` per the guide: either is success. */
    async publish(channelId: string, flowId: string): Promise<void> {
      await apiRequest(core, {
        method: "POST",
        path: `${flowPath(channelId, flowId)}/publish`,
        schema: null,
        flowLimit: true,
      });
    },
    async deprecate(channelId: string, flowId: string): Promise<void> {
      await apiRequest(core, {
        method: "POST",
        path: `${flowPath(channelId, flowId)}/deprecate`,
        schema: null,
        flowLimit: true,
      });
    },
    async preview(
      channelId: string,
      flowId: string,
      options: { refresh?: boolean } = {},
    ): Promise<FlowPreview> {
      const { data } = await apiRequest(core, {
        method: "GET",
        path: `${flowPath(channelId, flowId)}/preview`,
        query: { refresh: options.refresh ?? false },
        schema: flowPreviewSchema,
        flowLimit: true,
      });
      return data;
    },
    downloadFlowJson,
  };

  const templates = {
    async list(channelId: string): Promise<TemplateSummary[]> {
      const { data } = await apiRequest(core, {
        method: "GET",
        path: `${channelPath(channelId)}/templates`,
        schema: templateListSchema,
      });
      return normaliseTemplates(data);
    },
    /** 8x8 answers `{}`; the template then waits for Meta's review (PENDING). */
    async add(channelId: string, input: AddTemplateInput): Promise<void> {
      await apiRequest(core, {
        method: "POST",
        path: `${channelPath(channelId)}/templates`,
        json: input,
        schema: null,
      });
    },
    async remove(channelId: string, templateName: string): Promise<void> {
      await apiRequest(core, {
        method: "DELETE",
        path: `${channelPath(channelId)}/templates/${enc(templateName)}`,
        schema: null,
      });
    },
  };

  const messages = {
    async send(input: SendMessageInput): Promise<MessageSendResult> {
      const { data } = await apiRequest(core, {
        method: "POST",
        path: `${subAccountPath}/messages`,
        json: input,
        schema: messageSendResultSchema,
      });
      return data;
    },
    async getDetails(umid: string): Promise<MessageDetails> {
      const { data } = await apiRequest(core, {
        method: "GET",
        path: `${subAccountPath}/messages/${enc(umid)}`,
        schema: messageDetailsSchema,
      });
      return data.data;
    },
  };

  const media = {
    /** Multipart upload under the form key `file`; both documented answers become one `{url, fileName, token}`. */
    async upload(file: Blob, fileName: string): Promise<MediaUploadResult> {
      const form = new FormData();
      form.append("file", file, fileName);
      const { data, headers } = await apiRequest(core, {
        method: "POST",
        path: `${subAccountPath}/files`,
        form,
        schema: mediaUploadSchema,
        idempotent: true,
      });
      if (data.data?.url)
        return { url: data.data.url, fileName: data.fileName ?? null, token: data.token ?? null };
      // The location header and the documented URL are relative to the API host (`https://chatapps.8x8.com/files/...`).
      const location = headers.get("location");
      const base = config.baseUrl.replace(/\/+$/, "");
      if (location)
        return {
          url: /^https?:/.test(location) ? location : `${base}${location}`,
          fileName: data.fileName ?? null,
          token: data.token ?? null,
        };
      if (data.fileName && data.token) {
        return {
          url: `${base}/files/${enc(data.fileName)}?token=${enc(data.token)}`,
          fileName: data.fileName,
          token: data.token,
        };
      }
      throw new EightByEightUnreachableError("invalid_response", {
        method: "POST",
        path: `${subAccountPath}/files`,
      });
    },
  };

  return { flows, templates, messages, media };
}

export type EightByEightClient = ReturnType<typeof createEightByEightClient>;
