/**
 * Template statuses, quality scores and rejection reasons as 8x8's webhooks report them (8x8-api §6.5),
 * with the words the portal shows for them.
 */
export const TEMPLATE_STATUSES = ["PENDING", "APPROVED", "REJECTED", "PAUSED", "DISABLED"] as const;
export type TemplateStatus = (typeof TEMPLATE_STATUSES)[number];

export const STATUS_INFO: Record<
  TemplateStatus,
  { label: string; tone: "amber" | "green" | "red" | "neutral"; meaning: string }
> = {
  PENDING: {
    label: "Pending",
    tone: "amber",
    meaning: "Under Meta review, usually within 24 hours (up to 48).",
  },
  APPROVED: { label: "Approved", tone: "green", meaning: "Can be sent." },
  REJECTED: {
    label: "Rejected",
    tone: "red",
    meaning: "Meta refused it. Fix the cause and submit it again under a new name.",
  },
  PAUSED: {
    label: "Paused",
    tone: "amber",
    meaning:
      "Temporarily disabled because of low quality (3 hours after the first red score, 6 after the second).",
  },
  DISABLED: {
    label: "Disabled",
    tone: "neutral",
    meaning: "Permanently disabled after repeated low quality.",
  },
};

export const QUALITY_INFO: Record<string, { label: string; tone: "green" | "amber" | "red" | "neutral" }> = {
  GREEN: { label: "High", tone: "green" },
  YELLOW: { label: "Medium", tone: "amber" },
  RED: { label: "Low", tone: "red" },
  UNKNOWN: { label: "Unknown", tone: "neutral" },
};

export const REJECTION_REASONS: Record<string, { label: string; usualCause: string }> = {
  INCORRECT_CATEGORY: {
    label: "Incorrect category",
    usualCause:
      "The content does not match the category: promotional wording (offers, discounts, “check out”) in a Utility template, or a service message filed as Marketing. Pick the category the content fits, or allow WhatsApp to change the category.",
  },
  INVALID_FORMAT: {
    label: "Invalid format",
    usualCause:
      "The layout breaks a WhatsApp rule: a variable at the very start or end, variables without samples or out of order, too many variables for the text, or a button that does not match the content.",
  },
  ABUSIVE_CONTENT: {
    label: "Abusive content",
    usualCause:
      "Meta found content that breaks its Commerce or Business Policy, often threatening, misleading or prohibited goods wording.",
  },
  SCAM: {
    label: "Possible scam",
    usualCause:
      "The template looks like it asks for money, credentials or personal data in a way Meta associates with fraud, or links to an untrusted site.",
  },
};

export function describeRejection(reason: string | null | undefined): { label: string; usualCause: string } {
  if (!reason)
    return {
      label: "No reason given",
      usualCause:
        "8x8 reported the rejection without a reason. Check the wording, category and samples against WhatsApp's template guidelines.",
    };
  return (
    REJECTION_REASONS[reason] ?? {
      label: reason,
      usualCause: "Check the wording, category and samples against WhatsApp's template guidelines.",
    }
  );
}

export function statusInfo(status: string) {
  return STATUS_INFO[status as TemplateStatus] ?? { label: status, tone: "neutral" as const, meaning: "" };
}

export function qualityInfo(score: string) {
  return QUALITY_INFO[score] ?? { label: score, tone: "neutral" as const };
}
