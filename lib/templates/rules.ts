import { z } from "zod";
import { normalisePhoneNumber } from "@/lib/sending/phone-numbers";
import { findWhatsAppLanguage } from "./languages";
import { HEADER_MEDIA_FORMATS, TEMPLATE_LIMITS as L } from "./limits";
import { scanVariables, type VariableScan } from "./variables";

/**
 * Every rule of the template builder (portal-ui F-TPL-2 and 8x8 "Add WhatsApp template"), pure, so the
 * form checks them as the user types and the server checks them again before calling 8x8. Problems are
 * keyed by the field's dotted path ("buttons.0.text"), which is where the form shows the reason.
 */

export const TEMPLATE_CATEGORIES = ["UTILITY", "MARKETING", "AUTHENTICATION"] as const;
export type TemplateCategory = (typeof TEMPLATE_CATEGORIES)[number];

export const CATEGORY_GUIDANCE: Record<TemplateCategory, { label: string; guidance: string }> = {
  UTILITY: {
    label: "Utility",
    guidance:
      "Transactional and service flows: appointments, feedback, customer service, data collection. Keep promotional wording out.",
  },
  MARKETING: { label: "Marketing", guidance: "Promotional flows: offers, campaigns, product discovery." },
  AUTHENTICATION: {
    label: "Authentication",
    guidance:
      "One-time passwords and verification only. WhatsApp allows no header, Flow, URL, phone or quick-reply buttons here.",
  },
};

export const FLOW_ACTIONS = ["navigate", "data_exchange"] as const;
export type FlowAction = (typeof FLOW_ACTIONS)[number];
/** 8x8's default for navigateScreen: the flow's entry screen. */
export const FIRST_ENTRY_SCREEN = "FIRST_ENTRY_SCREEN";

export const HEADER_FORMATS = ["NONE", "TEXT", ...HEADER_MEDIA_FORMATS] as const;
export type HeaderFormat = (typeof HEADER_FORMATS)[number];

// The draft keeps every header field whatever the format, so switching formats never loses typed text.
export const headerDraftSchema = z.object({
  format: z.enum(HEADER_FORMATS),
  text: z.string(),
  example: z.string(),
  mediaUrl: z.string(),
});

const text = z.string().max(5000);

export const buttonDraftSchema = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("FLOW"),
    text,
    flowId: z.string(),
    flowAction: z.enum(FLOW_ACTIONS),
    navigateScreen: z.string(),
  }),
  z.object({ type: z.literal("QUICK_REPLY"), text }),
  z.object({ type: z.literal("URL"), text, url: z.string().max(5000), example: z.string() }),
  z.object({ type: z.literal("PHONE_NUMBER"), text, phoneNumber: z.string().max(100) }),
]);
export type ButtonDraft = z.infer<typeof buttonDraftSchema>;
export type ButtonType = ButtonDraft["type"];

/** The builder's state, and the action's input. Structure only: the rules below give the reasons. */
export const templateDraftSchema = z.object({
  channelId: z.uuid(),
  name: z.string().max(1000),
  category: z.enum(TEMPLATE_CATEGORIES),
  language: z.string().max(20),
  allowCategoryChange: z.boolean(),
  header: headerDraftSchema,
  body: z.object({ text: z.string().max(10_000), examples: z.array(z.string().max(5000)).max(100) }),
  footer: z.string().max(5000),
  buttons: z.array(buttonDraftSchema).max(30),
});
export type TemplateDraft = z.infer<typeof templateDraftSchema>;

/** What the rules need to know beyond the draft: the channel's templates and flows. */
export type TemplateRuleContext = {
  existingTemplates: readonly { name: string; language: string }[];
  /** Names deleted through Flowport in the last 30 days: 8x8 refuses them (code 3060). */
  recentlyDeleted: readonly { name: string; reusableAfter: Date }[];
  /** PUBLISHED flows of the channel: the only ones a Flow button may open. */
  publishedFlows: readonly {
    externalId: string;
    name: string;
    screenIds: readonly string[];
    hasDataEndpoint: boolean;
  }[];
};

export type RuleIssue = { path: string; message: string };

const chars = (value: string) => Array.from(value).length;
const TEMPLATE_NAME = /^[a-z0-9_]+$/;
// Meta refuses variable values (and so samples) with these: error 132018.
const FORBIDDEN_IN_VALUES = /[\n\t]| {5,}/;

export function checkName(name: string, language: string, context: TemplateRuleContext): string | null {
  if (!name) return "Give the template a name.";
  if (chars(name) > L.nameMax) return `At most ${L.nameMax} characters (now ${chars(name)}).`;
  if (!TEMPLATE_NAME.test(name)) {
    if (/[A-Z]/.test(name))
      return "Use lowercase letters only: WhatsApp template names cannot contain capitals.";
    if (/\s/.test(name)) return "No spaces: join words with underscores, e.g. appointment_booking_v1.";
    return "Use only lowercase letters, digits and underscores, e.g. appointment_booking_v1.";
  }
  if (context.existingTemplates.some((t) => t.name === name && t.language === language)) {
    return `This channel already has a template “${name}” in ${language}. Choose another name or language.`;
  }
  const deleted = context.recentlyDeleted.find((t) => t.name === name);
  if (deleted) {
    return `“${name}” was deleted recently; WhatsApp lets you reuse the name from ${deleted.reusableAfter.toISOString().slice(0, 10)}.`;
  }
  return null;
}

export function checkLanguage(code: string): string | null {
  if (!code) return "Choose the template's language.";
  if (!findWhatsAppLanguage(code))
    return `“${code}” is not a WhatsApp template language; pick one from the list.`;
  return null;
}

function checkSample(value: string | undefined, label: string): string | null {
  if (!value || !value.trim())
    return `Give a sample value for ${label}: WhatsApp reviews the template with it.`;
  if (chars(value) > L.sampleMax) return `At most ${L.sampleMax} characters.`;
  if (FORBIDDEN_IN_VALUES.test(value)) return "No line breaks, tabs or more than four spaces in a row.";
  return null;
}

function checkVariables(scan: VariableScan, path: string): RuleIssue[] {
  if (scan.malformed.length > 0) {
    return [
      {
        path,
        message: `${scan.malformed[0]} is not a variable: write variables as {{1}}, {{2}}, … in order.`,
      },
    ];
  }
  if (scan.missing.length > 0) {
    const used = scan.count;
    return [
      {
        path,
        message: `Variables are numbered 1 to ${used} without gaps: {{${used}}} is used but {{${scan.missing[0]}}} is missing.`,
      },
    ];
  }
  return [];
}

export function checkHeader(draft: TemplateDraft): RuleIssue[] {
  const { header } = draft;
  if (header.format === "NONE") return [];
  if (draft.category === "AUTHENTICATION") {
    return [{ path: "header.format", message: "Authentication templates cannot have a header." }];
  }
  if (header.format === "TEXT") {
    const issues: RuleIssue[] = [];
    if (!header.text.trim())
      issues.push({ path: "header.text", message: "Write the header text, or choose no header." });
    else if (chars(header.text) > L.headerTextMax) {
      issues.push({
        path: "header.text",
        message: `At most ${L.headerTextMax} characters (now ${chars(header.text)}).`,
      });
    } else if (/[\n\r]/.test(header.text))
      issues.push({ path: "header.text", message: "A header is one line: no line breaks." });
    const scan = scanVariables(header.text);
    const variableIssues = checkVariables(scan, "header.text");
    if (variableIssues.length > 0) issues.push(...variableIssues);
    else if (scan.count > 1)
      issues.push({ path: "header.text", message: "A header can hold one variable, {{1}}." });
    else if (scan.count === 1) {
      const sample = checkSample(header.example, "{{1}}");
      if (sample) issues.push({ path: "header.example", message: sample });
    }
    return issues;
  }
  const url = header.mediaUrl.trim();
  if (!url)
    return [
      {
        path: "header.mediaUrl",
        message: `Upload a file or give a public HTTPS link to the ${header.format.toLowerCase()}.`,
      },
    ];
  if (!isHttpsUrl(url)) return [{ path: "header.mediaUrl", message: "Use a public HTTPS link (https://…)." }];
  return [];
}

export function checkBody(draft: TemplateDraft): RuleIssue[] {
  const { text, examples } = draft.body;
  if (!text.trim()) return [{ path: "body.text", message: "Write the message body: it is required." }];
  if (chars(text) > L.bodyMax)
    return [{ path: "body.text", message: `At most ${L.bodyMax} characters (now ${chars(text)}).` }];
  const scan = scanVariables(text);
  const variableIssues = checkVariables(scan, "body.text");
  if (variableIssues.length > 0) return variableIssues;
  const issues: RuleIssue[] = [];
  const trimmed = text.trim();
  if (scan.count > 0 && (/^\{\{[0-9]+\}\}/.test(trimmed) || /\{\{[0-9]+\}\}$/.test(trimmed))) {
    issues.push({
      path: "body.text",
      message: "WhatsApp rejects a body that starts or ends with a variable: add words before or after it.",
    });
  }
  for (let n = 1; n <= scan.count; n += 1) {
    const sample = checkSample(examples[n - 1], `{{${n}}}`);
    if (sample) issues.push({ path: `body.examples.${n - 1}`, message: sample });
  }
  return issues;
}

export function checkFooter(footer: string): string | null {
  if (!footer) return null;
  if (chars(footer) > L.footerMax) return `At most ${L.footerMax} characters (now ${chars(footer)}).`;
  if (/\{\{/.test(footer)) return "A footer cannot contain variables.";
  if (/[\n\r]/.test(footer)) return "A footer is one line: no line breaks.";
  return null;
}

export function checkButtonText(value: string): string | null {
  if (!value.trim()) return "Give the button a label.";
  const length = chars(value);
  if (length > L.buttonTextMax) {
    return `At most ${L.buttonTextMax} characters (now ${length}). 8x8's API accepts ${L.buttonTextMax}, although its guide says ${L.buttonTextGuideMax}.`;
  }
  return null;
}

function isHttpsUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "https:" && url.hostname.includes(".");
  } catch {
    return false;
  }
}

export function checkUrlButton(button: Extract<ButtonDraft, { type: "URL" }>, index: number): RuleIssue[] {
  const path = `buttons.${index}`;
  const url = button.url.trim();
  if (!url) return [{ path: `${path}.url`, message: "Give the link the button opens." }];
  if (chars(url) > L.urlMax) return [{ path: `${path}.url`, message: `At most ${L.urlMax} characters.` }];
  const scan = scanVariables(url);
  const variableIssues = checkVariables(scan, `${path}.url`);
  if (variableIssues.length > 0) return variableIssues;
  if (scan.count > 1)
    return [{ path: `${path}.url`, message: "A link can hold one variable, {{1}}, at its end." }];
  if (scan.count === 1 && !url.endsWith("{{1}}"))
    return [{ path: `${path}.url`, message: "The variable {{1}} must be at the end of the link." }];
  if (!isHttpsUrl(url.replace("{{1}}", "x")))
    return [
      { path: `${path}.url`, message: "Use a full HTTPS link, e.g. https://example.com/orders/{{1}}." },
    ];
  if (scan.count === 1) {
    const sample = checkSample(button.example, "{{1}}");
    if (sample) return [{ path: `${path}.example`, message: sample }];
  }
  return [];
}

export function checkPhoneButton(
  button: Extract<ButtonDraft, { type: "PHONE_NUMBER" }>,
  index: number,
): RuleIssue[] {
  const path = `buttons.${index}.phoneNumber`;
  if (!button.phoneNumber.trim()) return [{ path, message: "Give the phone number the button calls." }];
  const check = normalisePhoneNumber(button.phoneNumber);
  if (!check.ok) return [{ path, message: `This number ${check.reason}.` }];
  if (check.e164.length > L.phoneNumberMax)
    return [{ path, message: `At most ${L.phoneNumberMax} characters.` }];
  return [];
}

export function checkFlowButton(
  button: Extract<ButtonDraft, { type: "FLOW" }>,
  index: number,
  context: TemplateRuleContext,
): RuleIssue[] {
  const path = `buttons.${index}`;
  if (!button.flowId)
    return [{ path: `${path}.flowId`, message: "Choose the published flow the button opens." }];
  const flow = context.publishedFlows.find((f) => f.externalId === button.flowId);
  if (!flow) {
    return [
      {
        path: `${path}.flowId`,
        message:
          "This flow is not published on this channel: only published flows can be opened from a template.",
      },
    ];
  }
  if (button.flowAction === "data_exchange" && !flow.hasDataEndpoint) {
    return [
      {
        path: `${path}.flowAction`,
        message: `“${flow.name}” has no data endpoint (data_api_version), so it can only navigate.`,
      },
    ];
  }
  if (
    button.flowAction === "navigate" &&
    button.navigateScreen !== FIRST_ENTRY_SCREEN &&
    !flow.screenIds.includes(button.navigateScreen)
  ) {
    return [
      {
        path: `${path}.navigateScreen`,
        message: `“${flow.name}” has no screen ${button.navigateScreen || "(none chosen)"}.`,
      },
    ];
  }
  return [];
}

const typeLabels: Record<ButtonType, string> = {
  FLOW: "Flow",
  QUICK_REPLY: "quick-reply",
  URL: "URL",
  PHONE_NUMBER: "phone",
};

export function checkButtonCounts(draft: TemplateDraft): RuleIssue[] {
  const { buttons } = draft;
  const count = (type: ButtonType) => buttons.filter((b) => b.type === type).length;
  const issues: RuleIssue[] = [];
  if (draft.category === "AUTHENTICATION" && buttons.length > 0) {
    issues.push({
      path: "buttons",
      message:
        "Authentication templates carry only a one-time-code button, which 8x8 adds: remove these buttons or choose Utility.",
    });
  }
  if (buttons.length > L.buttonsMax)
    issues.push({ path: "buttons", message: `At most ${L.buttonsMax} buttons in all.` });
  const perType: [ButtonType, number][] = [
    ["FLOW", L.flowButtonsMax],
    ["URL", L.urlButtonsMax],
    ["PHONE_NUMBER", L.phoneButtonsMax],
    ["QUICK_REPLY", L.quickRepliesMax],
  ];
  for (const [type, max] of perType) {
    if (count(type) > max)
      issues.push({
        path: "buttons",
        message: `At most ${max} ${typeLabels[type]} button${max === 1 ? "" : "s"} per template.`,
      });
  }
  const seen = new Map<string, number>();
  buttons.forEach((button, index) => {
    const key = button.text.trim().toLowerCase();
    if (!key) return;
    if (seen.has(key))
      issues.push({
        path: `buttons.${index}.text`,
        message: `Button ${seen.get(key)! + 1} already has this label; each label must differ.`,
      });
    else seen.set(key, index);
  });
  return issues;
}

/** Every rule, in form order. An empty list means 8x8 gets a well-formed request. */
export function checkTemplateDraft(draft: TemplateDraft, context: TemplateRuleContext): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const push = (path: string, message: string | null) => {
    if (message) issues.push({ path, message });
  };
  push("name", checkName(draft.name, draft.language, context));
  push("language", checkLanguage(draft.language));
  issues.push(...checkHeader(draft), ...checkBody(draft));
  push("footer", checkFooter(draft.footer));
  draft.buttons.forEach((button, index) => {
    push(`buttons.${index}.text`, checkButtonText(button.text));
    if (button.type === "FLOW") issues.push(...checkFlowButton(button, index, context));
    if (button.type === "URL") issues.push(...checkUrlButton(button, index));
    if (button.type === "PHONE_NUMBER") issues.push(...checkPhoneButton(button, index));
  });
  issues.push(...checkButtonCounts(draft));
  return issues;
}

/** Issues as the form and ValidationError want them: the first reasons per field path. */
export function issuesToFieldErrors(issues: readonly RuleIssue[]): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  for (const issue of issues) (errors[issue.path] ??= []).push(issue.message);
  return errors;
}

export function emptyTemplateDraft(channelId: string): TemplateDraft {
  return {
    channelId,
    name: "",
    category: "UTILITY",
    language: "en_US",
    allowCategoryChange: true,
    header: { format: "NONE", text: "", example: "", mediaUrl: "" },
    body: { text: "", examples: [] },
    footer: "",
    buttons: [],
  };
}
