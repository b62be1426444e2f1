import { z } from "zod";
import { scanVariables } from "./variables";

/**
 * Template components as 8x8 returns them in the template list (and as Flowport caches them). Parsed
 * leniently: the docs mix casings (`Image`/`image`, `QUICK_REPLY`/`quick_reply`) and spell samples
 * `examples` (string[]) on create but `example` ({headerText, bodyText, headerHandle}) on list.
 */
const upper = z.string().transform((value) => value.toUpperCase());

export const cachedButtonSchema = z
  .object({
    type: upper,
    text: z.string().optional(),
    url: z.string().optional(),
    phoneNumber: z.string().optional(),
    flowId: z.string().optional(),
    flowAction: z.string().optional(),
    navigateScreen: z.string().optional(),
    example: z.array(z.string()).optional(),
    examples: z.array(z.string()).optional(),
  })
  .loose();

export const cachedComponentSchema = z
  .object({
    type: upper.default("BODY"),
    format: upper.optional(),
    text: z.string().optional(),
    buttons: z.array(cachedButtonSchema).optional(),
    examples: z.array(z.string()).optional(),
    example: z
      .object({
        headerText: z.array(z.string()).optional(),
        bodyText: z.array(z.string()).optional(),
        headerHandle: z.array(z.string()).optional(),
      })
      .loose()
      .optional(),
  })
  .loose();

export type CachedComponent = z.infer<typeof cachedComponentSchema>;
export type CachedButton = z.infer<typeof cachedButtonSchema>;

/** Components from JSON (a cache row or an API answer); entries that are not components are dropped. */
export function parseComponents(value: unknown): CachedComponent[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item) => {
    const parsed = cachedComponentSchema.safeParse(item);
    return parsed.success ? [parsed.data] : [];
  });
}

export function templateButtons(components: readonly CachedComponent[]): CachedButton[] {
  return components.filter((c) => c.type === "BUTTONS").flatMap((c) => c.buttons ?? []);
}

/** The 8x8 flow ids the template's Flow buttons open (for the usage map and delete checks). */
export function flowIdsOfComponents(components: readonly CachedComponent[]): string[] {
  return [
    ...new Set(templateButtons(components).flatMap((b) => (b.type === "FLOW" && b.flowId ? [b.flowId] : []))),
  ];
}

/**
 * What a send of this template must fill in: body variables, the header's variable or media link, and
 * link variables of URL buttons (8x8-api §4.1a). Samples from the template are offered as defaults.
 */
export type TemplateSendSlots = {
  headerText: { sample: string } | null;
  headerMedia: { format: "IMAGE" | "VIDEO" | "DOCUMENT"; sample: string } | null;
  body: { n: number; sample: string }[];
  urlButtons: { index: number; text: string; sample: string }[];
  flowButtonIndexes: number[];
};

function componentSamples(component: CachedComponent, kind: "header" | "body"): string[] {
  if (component.examples) return component.examples;
  return (
    (kind === "header"
      ? (component.example?.headerText ?? component.example?.headerHandle)
      : component.example?.bodyText) ?? []
  );
}

export function templateSendSlots(components: readonly CachedComponent[]): TemplateSendSlots {
  const header = components.find((c) => c.type === "HEADER");
  const body = components.find((c) => c.type === "BODY");
  const headerSamples = header ? componentSamples(header, "header") : [];
  const bodySamples = body ? componentSamples(body, "body") : [];
  const headerFormat = header?.format ?? "TEXT";
  const bodyCount = body?.text ? scanVariables(body.text).count : 0;
  const buttons = templateButtons(components);
  return {
    headerText:
      header && headerFormat === "TEXT" && header.text && scanVariables(header.text).count > 0
        ? { sample: headerSamples[0] ?? "" }
        : null,
    headerMedia:
      header && (headerFormat === "IMAGE" || headerFormat === "VIDEO" || headerFormat === "DOCUMENT")
        ? { format: headerFormat, sample: headerSamples[0] ?? "" }
        : null,
    body: Array.from({ length: bodyCount }, (_, i) => ({ n: i + 1, sample: bodySamples[i] ?? "" })),
    urlButtons: buttons.flatMap((b, index) =>
      b.type === "URL" && b.url && scanVariables(b.url).count > 0
        ? [{ index, text: b.text ?? "", sample: b.example?.[0] ?? b.examples?.[0] ?? "" }]
        : [],
    ),
    flowButtonIndexes: buttons.flatMap((b, index) => (b.type === "FLOW" ? [index] : [])),
  };
}
