import { z } from "zod";
import type { TemplateSendSlots } from "@/lib/templates/components";
import { parseRecipientList, describeInvalidRecipient } from "./phone-numbers";

/**
 * Rules of the send dialog, shared by the form (checked as you type) and the server (checked again
 * before any API call). Problems are keyed by field path, like the template builder's.
 */
export const SEND_LIMITS = {
  /** 8x8's flowCta: "Button text (max 20 characters)", no emoji (Meta). */
  ctaMax: 20,
  headerMax: 60,
  bodyMax: 1024,
  footerMax: 60,
  /** A send from the dialog is for a handful of people; campaigns are another tool. */
  recipientsMax: 50,
} as const;

export type SendIssue = { path: string; message: string };

const chars = (value: string) => Array.from(value).length;
const EMOJI = /\p{Extended_Pictographic}/u;
const FORBIDDEN_IN_VALUES = /[\n\t]| {5,}/;

export const recipientsFieldSchema = z.string().max(10_000);

export function checkRecipients(
  text: string,
  testNumbers: readonly string[] | null,
): { recipients: string[]; issues: SendIssue[] } {
  const list = parseRecipientList(text);
  const issues: SendIssue[] = list.invalid.map((entry) => ({
    path: "recipients",
    message: describeInvalidRecipient(entry),
  }));
  if (list.recipients.length === 0 && list.invalid.length === 0)
    issues.push({
      path: "recipients",
      message: "Add at least one phone number in international format, e.g. +44 7700 900123.",
    });
  if (list.recipients.length > SEND_LIMITS.recipientsMax)
    issues.push({ path: "recipients", message: `At most ${SEND_LIMITS.recipientsMax} numbers per send.` });
  if (testNumbers) {
    const outside = list.recipients.filter((number) => !testNumbers.includes(number));
    if (outside.length > 0) {
      issues.push({
        path: "recipients",
        message:
          testNumbers.length === 0
            ? "Testers can send only to the channel's test numbers, and this channel has none yet: an admin adds them in Settings."
            : `Testers can send only to the channel's test numbers; not ${outside.join(", ")}.`,
      });
    }
  }
  return { recipients: list.recipients, issues };
}

export const interactiveSendSchema = z.object({
  flowId: z.uuid(),
  recipients: recipientsFieldSchema,
  headerText: z.string().max(5000),
  bodyText: z.string().max(10_000),
  footerText: z.string().max(5000),
  cta: z.string().max(500),
  /** Screen the flow opens on; empty = the entry screen. */
  startScreen: z.string().max(200),
  /** JSON object of initial data for that screen; empty = none. */
  initialData: z.string().max(20_000),
});
export type InteractiveSendInput = z.infer<typeof interactiveSendSchema>;

export function parseInitialData(
  text: string,
): { ok: true; data: Record<string, unknown> | null } | { ok: false; message: string } {
  if (!text.trim()) return { ok: true, data: null };
  try {
    const value: unknown = JSON.parse(text);
    if (!value || typeof value !== "object" || Array.isArray(value))
      return { ok: false, message: 'Initial data must be a JSON object, e.g. {"name": "Jane"}.' };
    return { ok: true, data: value as Record<string, unknown> };
  } catch (error) {
    return { ok: false, message: `Initial data is not valid JSON: ${(error as Error).message}` };
  }
}

export function checkInteractiveContent(
  input: InteractiveSendInput,
  screenIds: readonly string[],
): SendIssue[] {
  const issues: SendIssue[] = [];
  const cta = input.cta.trim();
  if (!cta) issues.push({ path: "cta", message: "Give the button that opens the flow a label." });
  else if (chars(cta) > SEND_LIMITS.ctaMax)
    issues.push({ path: "cta", message: `At most ${SEND_LIMITS.ctaMax} characters (now ${chars(cta)}).` });
  else if (EMOJI.test(cta))
    issues.push({ path: "cta", message: "WhatsApp does not allow emoji in a flow button." });
  if (chars(input.headerText.trim()) > SEND_LIMITS.headerMax)
    issues.push({ path: "headerText", message: `At most ${SEND_LIMITS.headerMax} characters.` });
  if (!input.bodyText.trim())
    issues.push({ path: "bodyText", message: "Write the message that introduces the flow." });
  else if (chars(input.bodyText) > SEND_LIMITS.bodyMax)
    issues.push({ path: "bodyText", message: `At most ${SEND_LIMITS.bodyMax} characters.` });
  if (chars(input.footerText.trim()) > SEND_LIMITS.footerMax)
    issues.push({ path: "footerText", message: `At most ${SEND_LIMITS.footerMax} characters.` });
  if (input.startScreen && !screenIds.includes(input.startScreen))
    issues.push({ path: "startScreen", message: `The flow has no screen ${input.startScreen}.` });
  const data = parseInitialData(input.initialData);
  if (!data.ok) issues.push({ path: "initialData", message: data.message });
  return issues;
}

export const templateSendSchema = z.object({
  templateId: z.uuid(),
  recipients: recipientsFieldSchema,
  header: z.string().max(1000),
  headerMediaUrl: z.string().max(3000),
  body: z.array(z.string().max(1000)).max(100),
  urlButtons: z.record(z.string(), z.string().max(2000)),
});
export type TemplateSendInput = z.infer<typeof templateSendSchema>;

function checkValue(value: string | undefined, path: string, label: string, issues: SendIssue[]) {
  if (!value || !value.trim()) issues.push({ path, message: `Fill in ${label}.` });
  else if (FORBIDDEN_IN_VALUES.test(value))
    issues.push({
      path,
      message: "WhatsApp refuses values with line breaks, tabs or more than four spaces in a row.",
    });
}

export function checkTemplateValues(input: TemplateSendInput, slots: TemplateSendSlots): SendIssue[] {
  const issues: SendIssue[] = [];
  if (slots.headerText) checkValue(input.header, "header", "the header's {{1}}", issues);
  if (slots.headerMedia) {
    const url = input.headerMediaUrl.trim();
    if (!url)
      issues.push({
        path: "headerMediaUrl",
        message: `Give the link of the ${slots.headerMedia.format.toLowerCase()} for the header.`,
      });
    else if (!/^https:\/\/\S+\.\S+/.test(url))
      issues.push({ path: "headerMediaUrl", message: "Use a public HTTPS link (https://…)." });
  }
  for (const slot of slots.body)
    checkValue(input.body[slot.n - 1], `body.${slot.n - 1}`, `{{${slot.n}}}`, issues);
  for (const button of slots.urlButtons)
    checkValue(
      input.urlButtons[String(button.index)],
      `urlButtons.${button.index}`,
      `the link variable of “${button.text}”`,
      issues,
    );
  return issues;
}
