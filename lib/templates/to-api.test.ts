import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { emptyTemplateDraft, type TemplateDraft } from "./rules";
import { toTemplateCreateRequest } from "./to-api";

const corpus = path.resolve("lib/examples/corpus/seed-api-examples");
const channelId = "6f1c9a4e-2b7d-4f55-9a43-1b2c3d4e5f60";

describe("toTemplateCreateRequest", () => {
  it("reproduces 8x8's documented Flow-button template byte for byte", () => {
    const documented = JSON.parse(
      readFileSync(path.join(corpus, "template-create--appointment-reminder-flow-button.json"), "utf8"),
    );
    const draft: TemplateDraft = {
      ...emptyTemplateDraft(channelId),
      name: "appointment_reminder",
      language: "en_US",
      category: "UTILITY",
      // The documented body has a variable but no examples; samples are required here, so compare without them.
      body: { text: "Hi {{1}}, your appointment is coming up. Need to reschedule?", examples: ["John"] },
      buttons: [
        {
          type: "FLOW",
          text: "Reschedule",
          flowId: "1234567890123456",
          flowAction: "navigate",
          navigateScreen: "FIRST_ENTRY_SCREEN",
        },
      ],
    };
    const request = toTemplateCreateRequest(draft);
    expect(request.components[1]).toEqual({
      type: "BUTTONS",
      buttons: [{ type: "FLOW", text: "Reschedule", flowId: "1234567890123456" }],
    });
    expect({
      ...request,
      components: request.components.map((c) => (c.type === "BODY" ? { type: c.type, text: c.text } : c)),
    }).toEqual(documented);
    expect(request.components[0]).toEqual({
      type: "BODY",
      text: "Hi {{1}}, your appointment is coming up. Need to reschedule?",
      examples: ["John"],
    });
  });

  it("adds navigateScreen only for a screen other than the entry screen, and flowAction only for data_exchange", () => {
    const base = { ...emptyTemplateDraft(channelId), name: "x", body: { text: "Hello", examples: [] } };
    const at = (button: TemplateDraft["buttons"][number]) =>
      toTemplateCreateRequest({ ...base, buttons: [button] }).components.at(-1);
    expect(
      at({ type: "FLOW", text: "Go", flowId: "1", flowAction: "navigate", navigateScreen: "BOOK" }),
    ).toEqual({
      type: "BUTTONS",
      buttons: [{ type: "FLOW", text: "Go", flowId: "1", navigateScreen: "BOOK" }],
    });
    expect(
      at({ type: "FLOW", text: "Go", flowId: "1", flowAction: "data_exchange", navigateScreen: "BOOK" }),
    ).toEqual({
      type: "BUTTONS",
      buttons: [{ type: "FLOW", text: "Go", flowId: "1", flowAction: "data_exchange" }],
    });
  });

  it("builds header, body, footer and every button type in the schema's casing", () => {
    const request = toTemplateCreateRequest({
      ...emptyTemplateDraft(channelId),
      name: "marketing_image_template_demo",
      category: "MARKETING",
      allowCategoryChange: false,
      header: {
        format: "IMAGE",
        text: "kept while switching",
        example: "",
        mediaUrl: " https://chatapps.8x8.com/files/a.png?token=t ",
      },
      body: {
        text: "Hi {{1}}, ready to elevate your customer communications?",
        examples: ["Tony", "unused extra sample"],
      },
      footer: "Powered by 8x8",
      buttons: [
        {
          type: "URL",
          text: "Discover all channels",
          url: "https://cpaas.8x8.com/en/products/{{1}}",
          example: "omnichannel-messaging",
        },
        { type: "QUICK_REPLY", text: "Talk to Sales" },
        { type: "PHONE_NUMBER", text: "Call us", phoneNumber: "+65 1234 5678" },
      ],
    });
    expect(request).toEqual({
      language: "en_US",
      name: "marketing_image_template_demo",
      category: "MARKETING",
      allow_category_change: false,
      components: [
        { type: "HEADER", format: "Image", examples: ["https://chatapps.8x8.com/files/a.png?token=t"] },
        {
          type: "BODY",
          text: "Hi {{1}}, ready to elevate your customer communications?",
          examples: ["Tony"],
        },
        { type: "FOOTER", text: "Powered by 8x8" },
        {
          type: "BUTTONS",
          buttons: [
            {
              type: "URL",
              text: "Discover all channels",
              url: "https://cpaas.8x8.com/en/products/{{1}}",
              example: ["omnichannel-messaging"],
            },
            { type: "QUICK_REPLY", text: "Talk to Sales" },
            { type: "PHONE_NUMBER", text: "Call us", phoneNumber: "+6512345678" },
          ],
        },
      ],
    });
  });

  it("sends a text header with its sample, and leaves out empty footers and buttons", () => {
    const request = toTemplateCreateRequest({
      ...emptyTemplateDraft(channelId),
      name: "hello",
      header: { format: "TEXT", text: "Order {{1}}", example: "#123", mediaUrl: "" },
      body: { text: "Thanks for your order.", examples: [] },
    });
    expect(request.components).toEqual([
      { type: "HEADER", format: "Text", text: "Order {{1}}", examples: ["#123"] },
      { type: "BODY", text: "Thanks for your order." },
    ]);
    expect(request).not.toHaveProperty("allow_category_change");
  });
});
