import { describe, expect, it } from "vitest";
import { templateSendSlots } from "@/lib/templates/components";
import {
  checkInteractiveContent,
  checkRecipients,
  checkTemplateValues,
  type InteractiveSendInput,
} from "./rules";

const interactive = (overrides: Partial<InteractiveSendInput> = {}): InteractiveSendInput => ({
  flowId: "6f1c9a4e-2b7d-4f55-9a43-1b2c3d4e5f60",
  recipients: "+447700900123",
  headerText: "",
  bodyText: "Pick a time.",
  footerText: "",
  cta: "Book now",
  startScreen: "",
  initialData: "",
  ...overrides,
});

const paths = (issues: { path: string }[]) => issues.map((i) => i.path);

describe("send rules", () => {
  it.each([
    ["cta is required", { cta: "" }, "cta"],
    ["cta is at most 20 characters", { cta: "x".repeat(21) }, "cta"],
    ["cta has no emoji", { cta: "Book 📅" }, "cta"],
    ["body is required", { bodyText: " " }, "bodyText"],
    ["header is at most 60 characters", { headerText: "h".repeat(61) }, "headerText"],
    ["footer is at most 60 characters", { footerText: "f".repeat(61) }, "footerText"],
    ["start screen exists", { startScreen: "NOPE" }, "startScreen"],
    ["initial data is a JSON object", { initialData: "[1]" }, "initialData"],
    ["initial data is JSON", { initialData: "{name:" }, "initialData"],
  ])("%s", (_rule, change, path) => {
    expect(paths(checkInteractiveContent(interactive(change), ["WELCOME"]))).toEqual([path]);
  });

  it("accepts a complete flow message", () => {
    expect(
      checkInteractiveContent(
        interactive({ cta: "x".repeat(20), startScreen: "WELCOME", initialData: '{"name":"Jane"}' }),
        ["WELCOME"],
      ),
    ).toEqual([]);
  });

  it("requires a recipient, caps the list, and keeps testers to test numbers", () => {
    expect(checkRecipients("", null).issues[0]?.message).toMatch(/at least one/);
    expect(
      checkRecipients(
        Array.from({ length: 51 }, (_, i) => `+4477009${String(i).padStart(5, "0")}`).join(","),
        null,
      ).issues[0]?.message,
    ).toMatch(/At most 50/);
    expect(checkRecipients("+447700900123", ["+15550100001"]).issues[0]?.message).toMatch(
      /not \+447700900123/,
    );
    expect(checkRecipients("+1 555 010 0001", ["+15550100001"])).toEqual({
      recipients: ["+15550100001"],
      issues: [],
    });
  });

  it("requires every template variable, without line breaks", () => {
    const slots = templateSendSlots([
      { type: "HEADER", format: "IMAGE" },
      { type: "BODY", text: "Hi {{1}}, order {{2}}" },
      { type: "BUTTONS", buttons: [{ type: "URL", text: "Track", url: "https://x.example/{{1}}" }] },
    ]);
    const input = {
      templateId: "6f1c9a4e-2b7d-4f55-9a43-1b2c3d4e5f60",
      recipients: "",
      header: "",
      headerMediaUrl: "http://x",
      body: ["Jane", "a\nb"],
      urlButtons: {},
    };
    expect(paths(checkTemplateValues(input, slots))).toEqual(["headerMediaUrl", "body.1", "urlButtons.0"]);
    expect(
      checkTemplateValues(
        {
          ...input,
          headerMediaUrl: "https://cdn.example.com/a.png",
          body: ["Jane", "42"],
          urlButtons: { "0": "42" },
        },
        slots,
      ),
    ).toEqual([]);
  });
});
