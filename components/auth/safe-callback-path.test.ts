import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "./safe-callback-path";

describe("safeCallbackPath", () => {
  it.each([
    ["/settings/users", "/settings/users"],
    ["/flows?status=DRAFT", "/flows?status=DRAFT"],
    ["http://localhost:3000/templates", "/templates"],
    [undefined, "/flows"],
    ["", "/flows"],
    ["https://evil.example.com/phish", "/flows"],
    ["//evil.example.com", "/flows"],
    ["/login?callbackUrl=/x", "/flows"],
    ["/api/users", "/flows"],
    ["javascript:alert(1)", "/flows"],
  ])("%s → %s", (input, expected) => {
    expect(safeCallbackPath(input)).toBe(expected);
  });
});
