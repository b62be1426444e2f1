/**
 * What can be done to a flow in which status (8x8-api.md §2.2, portal-ui.md §1 and §4). Pure, so the list's menu,
 * the server actions and the tests agree. Role checks are separate (lib/auth/permissions.ts).
 */
export type FlowStatus = "DRAFT" | "PUBLISHED" | "DEPRECATED";

export type RuleOutcome = { allowed: true } | { allowed: false; reason: string };

const ok: RuleOutcome = { allowed: true };
const no = (reason: string): RuleOutcome => ({ allowed: false, reason });

export function canEdit(status: FlowStatus): RuleOutcome {
  if (status === "DRAFT") return ok;
  return no(
    status === "PUBLISHED"
      ? "Published flows are immutable: create a new version to change it."
      : "Deprecated flows cannot be edited: create a new version instead.",
  );
}

/** Only drafts that no template uses ("Remove flow (Draft flows only, not in use by templates)"). */
export function canDelete(status: FlowStatus, templateNames: readonly string[]): RuleOutcome {
  if (status !== "DRAFT") return no(`Only drafts can be deleted; this flow is ${status.toLowerCase()}.`);
  if (templateNames.length > 0) {
    const list =
      templateNames.slice(0, 3).join(", ") +
      (templateNames.length > 3 ? ` and ${templateNames.length - 3} more` : "");
    return no(
      `Used by the template${templateNames.length > 1 ? "s" : ""} ${list}: remove ${templateNames.length > 1 ? "them" : "it"} first.`,
    );
  }
  return ok;
}

export function canPublish(
  status: FlowStatus,
  validationErrorCount: number,
  hasFlowJson = true,
): RuleOutcome {
  if (status !== "DRAFT") return no("Only drafts can be published.");
  if (!hasFlowJson) return no("Add Flow JSON before publishing.");
  if (validationErrorCount > 0)
    return no(
      `Fix the ${validationErrorCount} validation error${validationErrorCount > 1 ? "s" : ""} before publishing.`,
    );
  return ok;
}

export function canDeprecate(status: FlowStatus): RuleOutcome {
  if (status === "PUBLISHED") return ok;
  return no(
    status === "DEPRECATED" ? "This flow is already deprecated." : "Only published flows can be deprecated.",
  );
}

export const FLOW_STATUS_LABELS: Record<FlowStatus, string> = {
  DRAFT: "Draft",
  PUBLISHED: "Published",
  DEPRECATED: "Deprecated",
};

export const FLOW_STATUS_MEANINGS: Record<FlowStatus, string> = {
  DRAFT: "Editable, not yet published",
  PUBLISHED: "Live and available for use (immutable)",
  DEPRECATED: "No longer recommended for new messages",
};
