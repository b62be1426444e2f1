import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import { can, requirePageUser, roleLabels } from "@/lib/auth";
import { getEnv } from "@/lib/env";

export default async function PortalLayout({ children }: { children: ReactNode }) {
  const user = await requirePageUser();
  const nav = [
    { href: "/flows", label: "Flows", allowed: can(user, "flows.read") },
    { href: "/templates", label: "Templates", allowed: can(user, "templates.read") },
    { href: "/responses", label: "Responses", allowed: can(user, "responses.read") },
    { href: "/settings", label: "Settings", allowed: can(user, "settings.manage") },
  ]
    .filter((item) => item.allowed)
    .map(({ href, label }) => ({ href, label }));

  return (
    <AppShell
      nav={nav}
      user={{ name: user.name, email: user.email, roleLabel: roleLabels[user.role] }}
      demo={getEnv().FLOWPORT_DEMO}
    >
      {children}
    </AppShell>
  );
}
