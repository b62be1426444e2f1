import { describe, expect, it } from "vitest";
import { can, canSeeUnmaskedData, permissions, type Permission } from "./permissions";

describe("permissions table", () => {
  const cases: [Permission, { ADMIN: boolean; MARKETER: boolean; TESTER: boolean }][] = [
    ["flows.read", { ADMIN: true, MARKETER: true, TESTER: true }],
    ["flows.preview", { ADMIN: true, MARKETER: true, TESTER: true }],
    ["flows.write", { ADMIN: true, MARKETER: true, TESTER: false }],
    ["flows.publish", { ADMIN: true, MARKETER: true, TESTER: false }],
    ["flows.delete", { ADMIN: true, MARKETER: true, TESTER: false }],
    ["messages.send", { ADMIN: true, MARKETER: true, TESTER: false }],
    ["messages.testSend", { ADMIN: true, MARKETER: true, TESTER: true }],
    ["responses.read", { ADMIN: true, MARKETER: true, TESTER: false }],
    ["users.manage", { ADMIN: true, MARKETER: false, TESTER: false }],
    ["settings.manage", { ADMIN: true, MARKETER: false, TESTER: false }],
  ];

  it.each(cases)("%s", (permission, expected) => {
    for (const role of ["ADMIN", "MARKETER", "TESTER"] as const) {
      expect(can({ role, logAccess: false }, permission), `${role} ${permission}`).toBe(expected[role]);
    }
  });

  it("gives admins every permission", () => {
    for (const permission of Object.keys(permissions) as Permission[]) {
      expect(can({ role: "ADMIN", logAccess: true }, permission)).toBe(true);
    }
  });

  it("fails closed without a user or for an unknown permission", () => {
    expect(can(null, "flows.read")).toBe(false);
    expect(can(undefined, "flows.read")).toBe(false);
    expect(can({ role: "ADMIN", logAccess: true }, "no.such.permission" as Permission)).toBe(false);
  });

  it("shows unmasked data only with log access, whatever the role", () => {
    expect(canSeeUnmaskedData({ role: "ADMIN", logAccess: false })).toBe(false);
    expect(canSeeUnmaskedData({ role: "TESTER", logAccess: true })).toBe(true);
    expect(canSeeUnmaskedData(null)).toBe(false);
  });
});
