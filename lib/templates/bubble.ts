import type { CachedComponent } from "./components";
import { templateButtons } from "./components";
import { FIRST_ENTRY_SCREEN, type ButtonType, type TemplateDraft } from "./rules";
import { fillVariables } from "./variables";

/**
 * What a WhatsApp chat bubble shows for a template or an interactive flow message, with variables
 * already filled (by sample values in the builder, by the real values when sending).
 */
export type BubbleButton = {
  type: ButtonType;
  text: string;
  /** Flow buttons: which flow and where it opens, so the preview can open it. */
  flow?: { externalId: string; startScreen: string | undefined };
};

export type ChatBubbleModel = {
  header: { kind: "text"; text: string } | { kind: "image" | "video" | "document"; url: string } | null;
  body: string;
  footer: string | null;
  buttons: BubbleButton[];
};

const mediaKinds = { IMAGE: "image", VIDEO: "video", DOCUMENT: "document" } as const;

function flowStart(navigateScreen: string | undefined): string | undefined {
  return navigateScreen && navigateScreen !== FIRST_ENTRY_SCREEN ? navigateScreen : undefined;
}

export function bubbleFromDraft(draft: TemplateDraft): ChatBubbleModel {
  const { header } = draft;
  return {
    header:
      header.format === "NONE"
        ? null
        : header.format === "TEXT"
          ? header.text.trim()
            ? { kind: "text", text: fillVariables(header.text, [header.example]) }
            : null
          : { kind: mediaKinds[header.format], url: header.mediaUrl.trim() },
    body: fillVariables(draft.body.text, draft.body.examples),
    footer: draft.footer.trim() || null,
    buttons: draft.buttons.map((button) => ({
      type: button.type,
      text: button.text,
      ...(button.type === "FLOW" && button.flowId
        ? {
            flow: {
              externalId: button.flowId,
              startScreen: button.flowAction === "navigate" ? flowStart(button.navigateScreen) : undefined,
            },
          }
        : {}),
    })),
  };
}

/** A cached template as it arrives, its variables filled with `values` (or left as {{n}}). */
export function bubbleFromComponents(
  components: readonly CachedComponent[],
  values: { header?: string; headerMediaUrl?: string; body?: readonly string[] } = {},
): ChatBubbleModel {
  const header = components.find((c) => c.type === "HEADER");
  const body = components.find((c) => c.type === "BODY");
  const footer = components.find((c) => c.type === "FOOTER");
  const format = header?.format ?? "TEXT";
  const mediaKind =
    format === "IMAGE" || format === "VIDEO" || format === "DOCUMENT" ? mediaKinds[format] : null;
  return {
    header: !header
      ? null
      : mediaKind
        ? {
            kind: mediaKind,
            url: values.headerMediaUrl ?? header.examples?.[0] ?? header.example?.headerHandle?.[0] ?? "",
          }
        : header.text
          ? { kind: "text", text: fillVariables(header.text, [values.header]) }
          : null,
    body: fillVariables(body?.text ?? "", values.body ?? []),
    footer: footer?.text ?? null,
    buttons: templateButtons(components).map((button) => ({
      type: (["FLOW", "QUICK_REPLY", "URL", "PHONE_NUMBER"].includes(button.type)
        ? button.type
        : "QUICK_REPLY") as ButtonType,
      text: button.text ?? "",
      ...(button.type === "FLOW" && button.flowId
        ? {
            flow: {
              externalId: button.flowId,
              startScreen:
                button.flowAction === "data_exchange" ? undefined : flowStart(button.navigateScreen),
            },
          }
        : {}),
    })),
  };
}
