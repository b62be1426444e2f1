import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseFlowSubmission, parseWebhookBody } from "./envelope";

const dir = path.resolve("lib/examples/corpus/seed-api-examples");
const samples = readdirSync(dir).filter(
  (name) => name.startsWith("webhook--") && !name.includes("meta-cloud"),
);
const bytes = (text: string) => new TextEncoder().encode(text);

describe("webhook envelopes", () => {
  it.each(samples)("parses the 8x8 sample %s", (name) => {
    const parsed = parseWebhookBody(readFileSync(path.join(dir, name)));
    expect(parsed.ok).toBe(true);
  });

  it("does not take the Meta Cloud API shape for an 8x8 event", () => {
    expect(
      parseWebhookBody(readFileSync(path.join(dir, "webhook--meta-cloud-nfm-reply-partner-guide.json"))),
    ).toMatchObject({ ok: false, reason: "The body has no eventType." });
  });

  it.each([
    [new Uint8Array([0xff, 0xfe, 0x00]), "The body is not UTF-8 text."],
    [bytes("{"), "The body is not JSON."],
    [bytes("[]"), "The body has no eventType."],
    [bytes('{"eventType":"flow_status_update"}'), 'Unknown event type "flow_status_update".'],
  ])("explains why a body is a dead letter", (body, reason) => {
    expect(parseWebhookBody(body)).toMatchObject({ ok: false, reason });
  });

  it("reads the double-encoded responseJson, splitting off flow_token", () => {
    const parsed = parseWebhookBody(
      readFileSync(path.join(dir, "webhook--inbound-nfmreply-cpaas-lead-generation.json")),
    );
    if (!parsed.ok || parsed.event.eventType !== "inbound_message_received")
      throw new Error("expected an inbound message");
    const submission = parseFlowSubmission(parsed.event);
    expect(submission.kind).toBe("submission");
    if (submission.kind !== "submission") return;
    expect(submission.submission.values.interested_channels).toEqual(["whatsapp", "sms", "verify"]);
    expect("flow_token" in submission.submission.values).toBe(false);
    expect(submission.submission.flowToken).not.toBeNull();
  });
});
