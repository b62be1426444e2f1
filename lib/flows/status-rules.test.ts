import { describe, expect, it } from "vitest";
import { canDelete, canDeprecate, canEdit, canPublish } from "./status-rules";

describe("flow status rules", () => {
  it.each([
    ["DRAFT", true],
    ["PUBLISHED", false],
    ["DEPRECATED", false],
  ] as const)("edit when %s: %s", (status, allowed) => {
    expect(canEdit(status).allowed).toBe(allowed);
  });

  it.each([
    ["DRAFT", [], true, undefined],
    ["DRAFT", ["appointment_reminder"], false, "Used by the template appointment_reminder: remove it first."],
    ["DRAFT", ["a", "b", "c", "d"], false, "Used by the templates a, b, c and 1 more: remove them first."],
    ["PUBLISHED", [], false, "Only drafts can be deleted; this flow is published."],
    ["DEPRECATED", [], false, "Only drafts can be deleted; this flow is deprecated."],
  ] as const)("delete when %s used by %j", (status, templates, allowed, reason) => {
    const rule = canDelete(status, templates);
    expect(rule.allowed).toBe(allowed);
    if (!rule.allowed) expect(rule.reason).toBe(reason);
  });

  it("publish needs a clean draft with Flow JSON", () => {
    expect(canPublish("DRAFT", 0).allowed).toBe(true);
    expect(canPublish("DRAFT", 2)).toEqual({
      allowed: false,
      reason: "Fix the 2 validation errors before publishing.",
    });
    expect(canPublish("DRAFT", 0, false).allowed).toBe(false);
    expect(canPublish("PUBLISHED", 0).allowed).toBe(false);
  });

  it("deprecate only a published flow", () => {
    expect(canDeprecate("PUBLISHED").allowed).toBe(true);
    expect(canDeprecate("DRAFT").allowed).toBe(false);
    expect(canDeprecate("DEPRECATED")).toEqual({
      allowed: false,
      reason: "This flow is already deprecated.",
    });
  });
});
