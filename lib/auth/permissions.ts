import type { Role } from "@/lib/generated/prisma/enums";

/**
 * The one permissions table. Every page, route handler and server action asks `can(user, permission)`;
 * a permission missing here is denied to everyone (fail closed).
 */
export const permissions = {
  "flows.read": ["ADMIN", "MARKETER", "TESTER"],
  "flows.preview": ["ADMIN", "MARKETER", "TESTER"],
  "flows.write": ["ADMIN", "MARKETER"],
  "flows.publish": ["ADMIN", "MARKETER"],
  "flows.delete": ["ADMIN", "MARKETER"],
  "templates.read": ["ADMIN", "MARKETER", "TESTER"],
  "templates.write": ["ADMIN", "MARKETER"],
  "messages.send": ["ADMIN", "MARKETER"],
  "messages.testSend": ["ADMIN", "MARKETER", "TESTER"],
  "responses.read": ["ADMIN", "MARKETER"],
  "responses.assign": ["ADMIN"],
  "webhooks.read": ["ADMIN"],
  "settings.manage": ["ADMIN"],
  "users.manage": ["ADMIN"],
  "audit.read": ["ADMIN"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof permissions;

export type Principal = { role: Role; logAccess: boolean };

export function can(principal: Principal | null | undefined, permission: Permission): boolean {
  if (!principal) return false;
  const allowed: readonly Role[] = permissions[permission] ?? [];
  return allowed.includes(principal.role);
}

/** Without log access, phone numbers and submitted values are masked wherever they are shown or exported. */
export function canSeeUnmaskedData(principal: Principal | null | undefined): boolean {
  return principal?.logAccess === true;
}

export const roleLabels: Record<Role, string> = {
  ADMIN: "Admin",
  MARKETER: "Marketer",
  TESTER: "Tester",
};
