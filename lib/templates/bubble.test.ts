import { describe, expect, it } from "vitest";
import { bubbleFromComponents, bubbleFromDraft } from "./bubble";
import { emptyTemplateDraft } from "./rules";
import { formatWhatsAppText } from "./whatsapp-text";

describe("chat bubble model", () => {
  it("fills samples and says where the Flow button opens", () => {
    const bubble = bubbleFromDraft({
      ...emptyTemplateDraft("6f1c9a4e-2b7d-4f55-9a43-1b2c3d4e5f60"),
      header: { format: "TEXT", text: "Order {{1}}", example: "#7", mediaUrl: "" },
      body: { text: "Hi {{1}}", examples: ["Jane"] },
      footer: "Acme",
      buttons: [{ type: "FLOW", text: "Open", flowId: "42", flowAction: "navigate", navigateScreen: "BOOK" }],
    });
    expect(bubble).toEqual({
      header: { kind: "text", text: "Order #7" },
      body: "Hi Jane",
      footer: "Acme",
      buttons: [{ type: "FLOW", text: "Open", flow: { externalId: "42", startScreen: "BOOK" } }],
    });
  });

  it("reads 8x8's list shape, with lower-case types and media headers", () => {
    const bubble = bubbleFromComponents(
      [
        { type: "HEADER", format: "IMAGE", examples: ["https://cdn.example.com/a.png"] },
        { type: "BODY", text: "Your ticket {{1}} was closed." },
        {
          type: "BUTTONS",
          buttons: [
            { type: "QUICK_REPLY", text: "Thanks" },
            { type: "FLOW", text: "Rate us", flowId: "9", navigateScreen: "FIRST_ENTRY_SCREEN" },
          ],
        },
      ],
      { body: ["#12"] },
    );
    expect(bubble.header).toEqual({ kind: "image", url: "https://cdn.example.com/a.png" });
    expect(bubble.body).toBe("Your ticket #12 was closed.");
    expect(bubble.buttons[1]).toEqual({
      type: "FLOW",
      text: "Rate us",
      flow: { externalId: "9", startScreen: undefined },
    });
  });
});

describe("formatWhatsAppText", () => {
  it("splits WhatsApp's bold, italic, strike and monospace markers into runs", () => {
    expect(formatWhatsAppText("Hi *Jane*, _see_ ~old~ ```code```")).toEqual([
      { text: "Hi " },
      { text: "Jane", bold: true },
      { text: ", " },
      { text: "see", italic: true },
      { text: " " },
      { text: "old", strike: true },
      { text: " " },
      { text: "code", mono: true },
    ]);
    expect(formatWhatsAppText("*bold _and italic_*")).toEqual([
      { text: "bold ", bold: true },
      { text: "and italic", bold: true, italic: true },
    ]);
  });
});
