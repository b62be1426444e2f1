import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseComponents, templateSendSlots } from "@/lib/templates/components";
import { buildInteractiveFlowMessage, buildTemplateMessage } from "./to-api";

const corpus = (name: string) =>
  JSON.parse(readFileSync(path.resolve("lib/examples/corpus/seed-api-examples", name), "utf8"));

describe("buildTemplateMessage", () => {
  it("reproduces 8x8's documented template sends", () => {
    const flowTemplate = corpus("template-create--appointment-reminder-flow-button.json");
    const slots = templateSendSlots(parseComponents(flowTemplate.components));
    expect(
      buildTemplateMessage({
        msisdn: "+15551234567",
        template: { name: "appointment_reminder", language: "en_US" },
        slots,
        values: { body: ["John"], urlButtons: {} },
        flowToken: null,
      }),
    ).toEqual(corpus("message-send--template-flow-button.json"));

    const imageTemplate = corpus("template-create--marketing-image-template-demo.json");
    const imageSlots = templateSendSlots(parseComponents(imageTemplate.components));
    expect(
      buildTemplateMessage({
        msisdn: "+15551234567",
        template: { name: "marketing_image_template_demo", language: "en_US" },
        slots: imageSlots,
        values: {
          headerMediaUrl: "https://chatapps.8x8.com/files/991c9667f7644584acf91aa8dd9fba60.png?token=...",
          body: ["Jason"],
          urlButtons: { 0: "omnichannel-messaging" },
        },
        flowToken: null,
      }),
    ).toEqual(corpus("message-send--template-marketing-image.json"));
  });

  it("puts Flowport's flow_token on the Flow button's action parameter", () => {
    const slots = templateSendSlots(
      parseComponents(corpus("template-create--appointment-reminder-flow-button.json").components),
    );
    const message = buildTemplateMessage({
      msisdn: "+15551234567",
      template: { name: "a", language: "en" },
      slots,
      values: { body: ["J"], urlButtons: {} },
      flowToken: "fp1.x.y.z",
    });
    const components = (message.content.template as { components: unknown[] }).components;
    expect(components.at(-1)).toEqual({
      type: "button",
      subType: "flow",
      index: 0,
      parameters: [{ type: "action", action: { flow_token: "fp1.x.y.z" } }],
    });
  });
});

describe("buildInteractiveFlowMessage", () => {
  it("reproduces the documented interactive flow message, plus the token", () => {
    const documented = corpus("message-send--interactive-flow-flows-api.json");
    const message = buildInteractiveFlowMessage({
      msisdn: "+15551234567",
      flowExternalId: "1234567890123456",
      content: {
        headerText: "Schedule Your Appointment",
        bodyText: "Please select your preferred date and time for your visit.",
        footerText: "Available Mon-Fri 9AM-5PM",
        cta: "Book Now",
      },
      flowToken: "fp1.token",
      draft: false,
      flowActionData: null,
    });
    documented.content.interactive.action.parameters.flowToken = "fp1.token";
    expect(message).toEqual(documented);
  });

  it("sends unpublished flows in draft mode, with flowActionData for the first screen, and drops empty header and footer", () => {
    const message = buildInteractiveFlowMessage({
      msisdn: "+15551234567",
      flowExternalId: "42",
      content: { headerText: " ", bodyText: "Hi", footerText: "", cta: "Open" },
      flowToken: "t",
      draft: true,
      flowActionData: { screen: "WELCOME", data: { name: "Jane" } },
    });
    expect(message.content).toEqual({
      interactive: {
        type: "flow",
        body: { text: "Hi" },
        action: {
          parameters: {
            flowId: "42",
            flowCta: "Open",
            flowToken: "t",
            mode: "draft",
            flowActionData: { screen: "WELCOME", data: { name: "Jane" } },
          },
        },
      },
    });
  });
});
