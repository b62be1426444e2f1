import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  createPreviewSession,
  previewReducer,
  resolveScreen,
  responseJsonString,
  toMetaNfmReply,
  toNfmReplyWebhook,
  type PreviewEvent,
  type PreviewState,
} from "./index";

const CORPUS = path.resolve(__dirname, "../examples/corpus");
const read = (file: string) => readFileSync(path.join(CORPUS, file), "utf8");
const run = (state: PreviewState, ...events: PreviewEvent[]) => events.reduce(previewReducer, state);

const sensitiveFlow = {
  version: "7.3",
  screens: [
    {
      id: "A",
      title: "A",
      terminal: true,
      sensitive: ["pin", "email", "ok", "colour"],
      layout: {
        type: "SingleColumnLayout",
        children: [
          { type: "TextInput", name: "pin", label: "PIN", "input-type": "passcode" },
          { type: "TextInput", name: "email", label: "Email", "input-type": "email" },
          { type: "TextInput", name: "plain", label: "Plain" },
          { type: "OptIn", name: "ok", label: "OK" },
          {
            type: "RadioButtonsGroup",
            name: "colour",
            label: "Colour",
            "data-source": [{ id: "r", title: "Red" }],
          },
          { type: "Dropdown", name: "size", label: "Size", "data-source": [{ id: "m", title: "Medium" }] },
          {
            type: "Footer",
            label: "Done",
            "on-click-action": { name: "complete", payload: { pin: "${form.pin}", size: "${form.size}" } },
          },
        ],
      },
    },
  ],
};

describe("completion", () => {
  const done = run(
    createPreviewSession(sensitiveFlow, { flowToken: "TOKEN" }),
    { type: "field-changed", name: "pin", value: "1234" },
    { type: "field-changed", name: "email", value: "a@b.co" },
    { type: "field-changed", name: "plain", value: "visible" },
    { type: "field-changed", name: "ok", value: true },
    { type: "field-changed", name: "colour", value: "r" },
    { type: "field-changed", name: "size", value: "m" },
    { type: "footer-pressed" },
  );

  it("masks sensitive fields in the user's summary by component type", () => {
    expect(done.completion?.summary.map((entry) => [entry.name, entry.display])).toEqual([
      ["pin", null],
      ["email", "••••••"],
      ["plain", "visible"],
      ["ok", "Yes"],
      ["colour", "••••••"],
      ["size", "Medium"],
    ]);
  });

  it("formats the 8x8 nfmReply webhook like the seed samples", () => {
    const sample = JSON.parse(read("seed-api-examples/webhook--inbound-nfmreply.json"));
    const webhook = toNfmReplyWebhook(done.completion!, { timestamp: "2026-01-15T10:30:00.000Z" });
    const shape = (value: unknown): unknown =>
      value && typeof value === "object"
        ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shape(v)]))
        : typeof value;
    expect(shape(webhook)).toEqual(shape(sample));
    const payload = webhook.payload as { content: { interactive: { nfmReply: { responseJson: string } } } };
    expect(JSON.parse(payload.content.interactive.nfmReply.responseJson)).toEqual({
      pin: "1234",
      size: "m",
      flow_token: "TOKEN",
    });
    expect(responseJsonString(done.completion!)).toBe('{"pin":"1234","size":"m","flow_token":"TOKEN"}');
  });

  it("formats Meta's nfm_reply with name flow and body Sent", () => {
    const meta = toMetaNfmReply(done.completion!) as {
      messages: { interactive: { nfm_reply: Record<string, string> } }[];
    };
    expect(meta.messages[0]?.interactive.nfm_reply).toMatchObject({ name: "flow", body: "Sent" });
  });
});

describe("acceptance tests", () => {
  it("AT-PREV-1: healthcare Continue stays disabled until appointment_type and visit_reason_category are chosen", () => {
    let state = createPreviewSession(read("seed-examples/healthcare-appointment.json"));
    expect(resolveScreen(state)?.footer?.props.label).toBe("Continue");
    expect(resolveScreen(state)?.footerEnabled).toBe(false);
    state = run(state, { type: "field-changed", name: "appointment_type", value: "sick_visit" });
    expect(resolveScreen(state)?.footerEnabled).toBe(false);
    state = run(state, { type: "field-changed", name: "visit_reason_category", value: "illness" });
    expect(resolveScreen(state)?.footerEnabled).toBe(true);
  });

  it("AT-PREV-3: the component-reference example submits full_name, email, phone, contact_method, interests[], newsletter", () => {
    const state = run(
      createPreviewSession(read("seed-examples/component-reference-contact-preferences.json"), {
        flowToken: "T",
      }),
      { type: "field-changed", name: "full_name", value: "Jane Smith" },
      { type: "field-changed", name: "email", value: "jane@example.com" },
      { type: "field-changed", name: "phone", value: "+15551234567" },
      { type: "footer-pressed" },
      { type: "field-changed", name: "contact_method", value: "whatsapp" },
      { type: "field-changed", name: "interests", value: ["products", "events"] },
      { type: "field-changed", name: "newsletter", value: true },
      { type: "footer-pressed" },
    );
    expect(state.status).toBe("completed");
    expect(state.completion?.responseJson).toEqual({
      full_name: "Jane Smith",
      email: "jane@example.com",
      phone: "+15551234567",
      contact_method: "whatsapp",
      interests: ["products", "events"],
      newsletter: true,
      flow_token: "T",
    });
  });
});
