import path from "node:path";

export type DemoRole = "admin" | "marketer" | "tester";

export const DEMO_ACCOUNTS: { role: DemoRole; email: string; password: string; roleLabel: string }[] = [
  { role: "admin", email: "admin@example.com", password: "flowport-demo", roleLabel: "Admin" },
  { role: "marketer", email: "marketer@example.com", password: "flowport-demo", roleLabel: "Marketer" },
  { role: "tester", email: "tester@example.com", password: "flowport-demo", roleLabel: "Tester" },
];

export function storageStateFor(role: DemoRole): string {
  return path.resolve("test-results", ".auth", `${role}.json`);
}
