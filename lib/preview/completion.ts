import { asArray, isObject } from "./flow-model";
import { resolveScreen, type FieldInfo } from "./resolve-screen";
import { isEmptyValue } from "./validation";
import type { Completion, FieldValue, JsonObject, PreviewState, SummaryEntry } from "./types";

// What the business and the user get when the Flow ends (§13.3, 8x8 §6.3).

export const MASK = "••••••";

export function buildCompletion(
  state: PreviewState,
  payload: JsonObject,
  via: Completion["via"],
): Completion {
  // The endpoint's SUCCESS params are forwarded as they are; a `complete` payload gets the flow_token added.
  const responseJson = via === "endpoint" ? payload : { ...payload, flow_token: state.flowToken };
  return { payload, responseJson, summary: buildSummary(state), via };
}

/** The "Response sent" summary over the screens on the path taken, with `sensitive` fields masked (§5.1). */
function buildSummary(state: PreviewState): SummaryEntry[] {
  const entries: SummaryEntry[] = [];
  for (const id of state.stack) {
    const screen = resolveScreen(state, id);
    if (!screen) continue;
    for (const field of Object.values(screen.fields)) {
      const value = state.screens[id]?.form[field.name];
      if (isEmptyValue(value) && field.type !== "OptIn") continue;
      const label = typeof field.props.label === "string" ? field.props.label : field.name;
      const display = screen.sensitive.includes(field.name)
        ? maskValue(field, value)
        : displayValue(field, value);
      entries.push({ screen: id, name: field.name, label, display });
    }
  }
  return entries;
}

function maskValue(field: FieldInfo, value: FieldValue): string | null {
  if (field.type === "OptIn") return displayValue(field, value);
  if (field.type === "PhotoPicker" || field.type === "DocumentPicker") return null;
  const inputType = field.props["input-type"];
  if (field.type === "TextInput" && (inputType === "password" || inputType === "passcode")) return null;
  return MASK;
}

/** How a value reads in the summary: item titles instead of ids, Yes/No, date spans, file counts. */
export function displayValue(field: FieldInfo, value: FieldValue): string {
  if (typeof value === "boolean" || value === undefined) return value ? "Yes" : "No";
  const titles = new Map<string, string>();
  for (const item of asArray(field.props["data-source"])) {
    if (isObject(item) && typeof item.id === "string")
      titles.set(item.id, typeof item.title === "string" ? item.title : item.id);
  }
  if (typeof value === "string") return titles.get(value) ?? value;
  if (Array.isArray(value)) {
    if (field.type === "PhotoPicker" || field.type === "DocumentPicker") return `${value.length} file(s)`;
    return value.map((id) => (typeof id === "string" ? (titles.get(id) ?? id) : "")).join(", ");
  }
  return `${value["start-date"] ?? "?"} – ${value["end-date"] ?? "?"}`;
}

/** `response_json` exactly as the business receives it: a JSON string (§13.3). */
export function responseJsonString(completion: Completion): string {
  return JSON.stringify(completion.responseJson);
}

export type WebhookOptions = {
  umid?: string;
  subAccountId?: string;
  msisdn?: string;
  channelId?: string;
  timestamp?: string;
};

/** The 8x8 Chat Apps `inbound_message_received` event carrying the completion (8x8 §6.3). */
export function toNfmReplyWebhook(completion: Completion, options: WebhookOptions = {}): JsonObject {
  const msisdn = options.msisdn ?? "+15551234567";
  return {
    namespace: "ChatApps",
    eventType: "inbound_message_received",
    description: "ChatApps inbound message",
    payload: {
      umid: options.umid ?? "preview-umid",
      subAccountId: options.subAccountId ?? "your-subaccount-id",
      timestamp: options.timestamp ?? new Date().toISOString(),
      user: { msisdn, channelUserId: msisdn.replace(/^\+/, "") },
      recipient: { channel: "whatsapp", channelId: options.channelId ?? "your-channel-id" },
      type: "Interactive",
      content: {
        interactive: { type: "nfmReply", nfmReply: { responseJson: responseJsonString(completion) } },
      },
    },
  };
}

/** Meta's Cloud API `nfm_reply` message, for teams that compare with Meta's docs (§13.3). */
export function toMetaNfmReply(completion: Completion, options: WebhookOptions = {}): JsonObject {
  const from = (options.msisdn ?? "+15551234567").replace(/^\+/, "");
  return {
    messages: [
      {
        from,
        id: "wamid.preview",
        timestamp: String(Math.floor(Date.parse(options.timestamp ?? new Date().toISOString()) / 1000)),
        type: "interactive",
        interactive: {
          type: "nfm_reply",
          nfm_reply: { name: "flow", body: "Sent", response_json: responseJsonString(completion) },
        },
      },
    ],
  };
}
