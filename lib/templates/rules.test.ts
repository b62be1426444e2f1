import { describe, expect, it } from "vitest";
import {
  checkTemplateDraft,
  emptyTemplateDraft,
  issuesToFieldErrors,
  type ButtonDraft,
  type TemplateDraft,
  type TemplateRuleContext,
} from "./rules";

const channelId = "6f1c9a4e-2b7d-4f55-9a43-1b2c3d4e5f60";

const context: TemplateRuleContext = {
  existingTemplates: [{ name: "order_update", language: "en_US" }],
  recentlyDeleted: [{ name: "old_promo", reusableAfter: new Date("2030-01-31T00:00:00Z") }],
  publishedFlows: [
    {
      externalId: "1145805540595505",
      name: "Appointment booking",
      screenIds: ["WELCOME", "BOOK", "DONE"],
      hasDataEndpoint: false,
    },
    { externalId: "866937862658913", name: "Lead capture", screenIds: ["START"], hasDataEndpoint: true },
  ],
};

const flowButton = (overrides: Partial<Extract<ButtonDraft, { type: "FLOW" }>> = {}): ButtonDraft => ({
  type: "FLOW",
  text: "Book now",
  flowId: "1145805540595505",
  flowAction: "navigate",
  navigateScreen: "FIRST_ENTRY_SCREEN",
  ...overrides,
});

/** A draft every rule accepts; each case below changes one thing. */
function validDraft(): TemplateDraft {
  return {
    ...emptyTemplateDraft(channelId),
    name: "appointment_booking_v1",
    body: { text: "Hi {{1}}, your appointment on {{2}} is coming up.", examples: ["Jane", "12 May"] },
    buttons: [flowButton()],
  };
}

function errorsFor(change: (draft: TemplateDraft) => void): Record<string, string[]> {
  const draft = validDraft();
  change(draft);
  return issuesToFieldErrors(checkTemplateDraft(draft, context));
}

type Case = {
  rule: string;
  field: string;
  failing: (d: TemplateDraft) => void;
  passing: (d: TemplateDraft) => void;
  message?: RegExp;
};

const cases: Case[] = [
  { rule: "name is required", field: "name", failing: (d) => (d.name = ""), passing: (d) => (d.name = "a") },
  {
    rule: "name has no capitals (AT-TPL-3)",
    field: "name",
    failing: (d) => (d.name = "Appointment_booking"),
    passing: (d) => (d.name = "appointment_booking"),
    message: /lowercase/,
  },
  {
    rule: "name has no spaces (AT-TPL-3)",
    field: "name",
    failing: (d) => (d.name = "appointment booking"),
    passing: (d) => (d.name = "appointment_booking"),
    message: /No spaces/,
  },
  {
    rule: "name allows only letters, digits, underscores",
    field: "name",
    failing: (d) => (d.name = "booking-v1"),
    passing: (d) => (d.name = "booking_v1"),
  },
  {
    rule: "name is at most 200 characters",
    field: "name",
    failing: (d) => (d.name = "a".repeat(201)),
    passing: (d) => (d.name = "a".repeat(200)),
    message: /200/,
  },
  {
    rule: "name is unique per channel and language",
    field: "name",
    failing: (d) => (d.name = "order_update"),
    passing: (d) => ((d.language = "en_GB"), (d.name = "order_update")),
    message: /already has/,
  },
  {
    rule: "name deleted within 30 days cannot be reused",
    field: "name",
    failing: (d) => (d.name = "old_promo"),
    passing: (d) => (d.name = "new_promo"),
    message: /2030-01-31/,
  },
  {
    rule: "language is required",
    field: "language",
    failing: (d) => (d.language = ""),
    passing: (d) => (d.language = "de"),
  },
  {
    rule: "language comes from WhatsApp's list",
    field: "language",
    failing: (d) => (d.language = "xx_YY"),
    passing: (d) => (d.language = "pt_BR"),
  },
  {
    rule: "text header is not empty",
    field: "header.text",
    failing: (d) => (d.header = { ...d.header, format: "TEXT", text: " " }),
    passing: (d) => (d.header = { ...d.header, format: "TEXT", text: "Your visit" }),
  },
  {
    rule: "text header is at most 60 characters",
    field: "header.text",
    failing: (d) => (d.header = { ...d.header, format: "TEXT", text: "h".repeat(61) }),
    passing: (d) => (d.header = { ...d.header, format: "TEXT", text: "h".repeat(60) }),
  },
  {
    rule: "text header is one line",
    field: "header.text",
    failing: (d) => (d.header = { ...d.header, format: "TEXT", text: "a\nb" }),
    passing: (d) => (d.header = { ...d.header, format: "TEXT", text: "a b" }),
  },
  {
    rule: "text header holds at most one variable",
    field: "header.text",
    failing: (d) => (d.header = { ...d.header, format: "TEXT", text: "{{1}} and {{2}}", example: "x" }),
    passing: (d) => (d.header = { ...d.header, format: "TEXT", text: "Hello {{1}}", example: "x" }),
  },
  {
    rule: "header variable needs a sample",
    field: "header.example",
    failing: (d) => (d.header = { ...d.header, format: "TEXT", text: "Hello {{1}}", example: "" }),
    passing: (d) => (d.header = { ...d.header, format: "TEXT", text: "Hello {{1}}", example: "Jane" }),
  },
  {
    rule: "media header needs a file or link",
    field: "header.mediaUrl",
    failing: (d) => (d.header = { ...d.header, format: "IMAGE", mediaUrl: "" }),
    passing: (d) => (d.header = { ...d.header, format: "IMAGE", mediaUrl: "https://cdn.example.com/a.png" }),
  },
  {
    rule: "media header link is HTTPS",
    field: "header.mediaUrl",
    failing: (d) => (d.header = { ...d.header, format: "VIDEO", mediaUrl: "http://cdn.example.com/a.mp4" }),
    passing: (d) => (d.header = { ...d.header, format: "VIDEO", mediaUrl: "https://cdn.example.com/a.mp4" }),
  },
  {
    rule: "body is required",
    field: "body.text",
    failing: (d) => (d.body = { text: "", examples: [] }),
    passing: (d) => (d.body = { text: "Hello there", examples: [] }),
  },
  {
    rule: "body is at most 1024 characters",
    field: "body.text",
    failing: (d) => (d.body = { text: "b".repeat(1025), examples: [] }),
    passing: (d) => (d.body = { text: "b".repeat(1024), examples: [] }),
  },
  {
    rule: "variables are written {{n}}",
    field: "body.text",
    failing: (d) => (d.body = { text: "Hi {{name}}, welcome", examples: [] }),
    passing: (d) => (d.body = { text: "Hi {{1}}, welcome", examples: ["Jane"] }),
    message: /\{\{name\}\} is not a variable/,
  },
  {
    rule: "variables are numbered 1..n without gaps",
    field: "body.text",
    failing: (d) => (d.body = { text: "Hi {{1}}, see {{3}} today", examples: ["a", "b", "c"] }),
    passing: (d) => (d.body = { text: "Hi {{1}}, see {{2}} today", examples: ["a", "b"] }),
    message: /\{\{2\}\} is missing/,
  },
  {
    rule: "variables may not start the body",
    field: "body.text",
    failing: (d) => (d.body = { text: "{{1}}, welcome", examples: ["Jane"] }),
    passing: (d) => (d.body = { text: "Hello {{1}}, welcome", examples: ["Jane"] }),
  },
  {
    rule: "variables may not end the body",
    field: "body.text",
    failing: (d) => (d.body = { text: "Welcome {{1}}", examples: ["Jane"] }),
    passing: (d) => (d.body = { text: "Welcome {{1}}!", examples: ["Jane"] }),
  },
  {
    rule: "each body variable has a sample",
    field: "body.examples.1",
    failing: (d) => (d.body = { ...d.body, examples: ["Jane", ""] }),
    passing: (d) => (d.body = { ...d.body, examples: ["Jane", "12 May"] }),
  },
  {
    rule: "samples have no line breaks",
    field: "body.examples.0",
    failing: (d) => (d.body = { ...d.body, examples: ["Ja\nne", "x"] }),
    passing: (d) => (d.body = { ...d.body, examples: ["Jane", "x"] }),
  },
  {
    rule: "footer is at most 60 characters",
    field: "footer",
    failing: (d) => (d.footer = "f".repeat(61)),
    passing: (d) => (d.footer = "f".repeat(60)),
  },
  {
    rule: "footer has no variables",
    field: "footer",
    failing: (d) => (d.footer = "Ref {{1}}"),
    passing: (d) => (d.footer = "Reply STOP to opt out"),
  },
  {
    rule: "button text is required",
    field: "buttons.0.text",
    failing: (d) => (d.buttons = [flowButton({ text: "" })]),
    passing: (d) => (d.buttons = [flowButton({ text: "Book" })]),
  },
  {
    rule: "button text is at most 20 characters (AT-TPL-2)",
    field: "buttons.0.text",
    failing: (d) => (d.buttons = [flowButton({ text: "x".repeat(21) })]),
    passing: (d) => (d.buttons = [flowButton({ text: "x".repeat(20) })]),
    message: /At most 20 .*guide says 25/,
  },
  {
    rule: "button labels differ",
    field: "buttons.1.text",
    failing: (d) => (d.buttons = [flowButton(), { type: "QUICK_REPLY", text: "book now" }]),
    passing: (d) => (d.buttons = [flowButton(), { type: "QUICK_REPLY", text: "Not now" }]),
  },
  {
    rule: "Flow button names a flow",
    field: "buttons.0.flowId",
    failing: (d) => (d.buttons = [flowButton({ flowId: "" })]),
    passing: (d) => (d.buttons = [flowButton()]),
  },
  {
    rule: "Flow button opens a published flow of the channel (AT-TPL-1)",
    field: "buttons.0.flowId",
    failing: (d) => (d.buttons = [flowButton({ flowId: "999" })]),
    passing: (d) => (d.buttons = [flowButton({ flowId: "866937862658913", navigateScreen: "START" })]),
    message: /not published/,
  },
  {
    rule: "navigateScreen is one of the flow's screens",
    field: "buttons.0.navigateScreen",
    failing: (d) => (d.buttons = [flowButton({ navigateScreen: "NOPE" })]),
    passing: (d) => (d.buttons = [flowButton({ navigateScreen: "BOOK" })]),
  },
  {
    rule: "data_exchange needs a flow with an endpoint",
    field: "buttons.0.flowAction",
    failing: (d) => (d.buttons = [flowButton({ flowAction: "data_exchange" })]),
    passing: (d) => (d.buttons = [flowButton({ flowId: "866937862658913", flowAction: "data_exchange" })]),
  },
  {
    rule: "at most one Flow button",
    field: "buttons",
    failing: (d) => (d.buttons = [flowButton(), flowButton({ text: "Other" })]),
    passing: (d) => (d.buttons = [flowButton()]),
  },
  {
    rule: "at most two URL buttons",
    field: "buttons",
    failing: (d) =>
      (d.buttons = ["A", "B", "C"].map((text) => ({
        type: "URL",
        text,
        url: "https://example.com",
        example: "",
      }))),
    passing: (d) =>
      (d.buttons = ["A", "B"].map((text) => ({
        type: "URL",
        text,
        url: "https://example.com",
        example: "",
      }))),
  },
  {
    rule: "at most one phone button",
    field: "buttons",
    failing: (d) =>
      (d.buttons = ["A", "B"].map((text) => ({ type: "PHONE_NUMBER", text, phoneNumber: "+447700900123" }))),
    passing: (d) => (d.buttons = [{ type: "PHONE_NUMBER", text: "Call", phoneNumber: "+447700900123" }]),
  },
  {
    rule: "at most ten buttons",
    field: "buttons",
    failing: (d) =>
      (d.buttons = Array.from({ length: 11 }, (_, i) => ({ type: "QUICK_REPLY", text: `Reply ${i}` }))),
    passing: (d) =>
      (d.buttons = Array.from({ length: 10 }, (_, i) => ({ type: "QUICK_REPLY", text: `Reply ${i}` }))),
  },
  {
    rule: "URL button link is required",
    field: "buttons.0.url",
    failing: (d) => (d.buttons = [{ type: "URL", text: "Open", url: "", example: "" }]),
    passing: (d) => (d.buttons = [{ type: "URL", text: "Open", url: "https://example.com", example: "" }]),
  },
  {
    rule: "URL button link is HTTPS",
    field: "buttons.0.url",
    failing: (d) => (d.buttons = [{ type: "URL", text: "Open", url: "ftp://example.com", example: "" }]),
    passing: (d) => (d.buttons = [{ type: "URL", text: "Open", url: "https://example.com/x", example: "" }]),
  },
  {
    rule: "URL button link is at most 2000 characters",
    field: "buttons.0.url",
    failing: (d) =>
      (d.buttons = [
        { type: "URL", text: "Open", url: `https://example.com/${"p".repeat(1990)}`, example: "" },
      ]),
    passing: (d) =>
      (d.buttons = [
        { type: "URL", text: "Open", url: `https://example.com/${"p".repeat(1900)}`, example: "" },
      ]),
  },
  {
    rule: "URL variable sits at the end",
    field: "buttons.0.url",
    failing: (d) =>
      (d.buttons = [{ type: "URL", text: "Open", url: "https://example.com/{{1}}/x", example: "a" }]),
    passing: (d) =>
      (d.buttons = [{ type: "URL", text: "Open", url: "https://example.com/x/{{1}}", example: "a" }]),
  },
  {
    rule: "URL variable has a sample",
    field: "buttons.0.example",
    failing: (d) =>
      (d.buttons = [{ type: "URL", text: "Open", url: "https://example.com/{{1}}", example: "" }]),
    passing: (d) =>
      (d.buttons = [{ type: "URL", text: "Open", url: "https://example.com/{{1}}", example: "order-7" }]),
  },
  {
    rule: "phone button number is required",
    field: "buttons.0.phoneNumber",
    failing: (d) => (d.buttons = [{ type: "PHONE_NUMBER", text: "Call", phoneNumber: "" }]),
    passing: (d) => (d.buttons = [{ type: "PHONE_NUMBER", text: "Call", phoneNumber: "+6512345678" }]),
  },
  {
    rule: "phone button number is international",
    field: "buttons.0.phoneNumber",
    failing: (d) => (d.buttons = [{ type: "PHONE_NUMBER", text: "Call", phoneNumber: "07700 900123" }]),
    passing: (d) => (d.buttons = [{ type: "PHONE_NUMBER", text: "Call", phoneNumber: "+44 7700 900123" }]),
    message: /country code/,
  },
  {
    rule: "authentication templates have no buttons",
    field: "buttons",
    failing: (d) => (d.category = "AUTHENTICATION"),
    passing: (d) => ((d.category = "AUTHENTICATION"), (d.buttons = [])),
  },
  {
    rule: "authentication templates have no header",
    field: "header.format",
    failing: (d) => (
      (d.category = "AUTHENTICATION"),
      (d.buttons = []),
      (d.header = { ...d.header, format: "TEXT", text: "Code" })
    ),
    passing: (d) => ((d.category = "AUTHENTICATION"), (d.buttons = [])),
  },
];

describe("template builder rules", () => {
  it("accepts the baseline draft", () => {
    expect(checkTemplateDraft(validDraft(), context)).toEqual([]);
  });

  it.each(cases)("$rule: fails with a reason at $field", ({ field, failing, message }) => {
    const errors = errorsFor(failing);
    expect(errors[field], JSON.stringify(errors)).toBeDefined();
    if (message) expect(errors[field]?.join(" ")).toMatch(message);
  });

  it.each(cases)("$rule: passes when fixed", ({ passing }) => {
    expect(errorsFor(passing)).toEqual({});
  });
});
