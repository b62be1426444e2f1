import type { ReactNode } from "react";
import { ChannelSwitcher } from "@/components/channels/channel-switcher";
import { AppShell } from "@/components/shell/app-shell";
import { can, requirePageUser, roleLabels } from "@/lib/auth";
import { getSelectedChannel, listChannels } from "@/lib/channels";
import { getEnv } from "@/lib/env";

export default async function PortalLayout({ children }: { children: ReactNode }) {
  const user = await requirePageUser();
  const nav = [
    { href: "/flows", label: "Flows", allowed: can(user, "flows.read") },
    { href: "/examples", label: "Examples", allowed: can(user, "flows.preview") },
    { href: "/templates", label: "Templates", allowed: can(user, "templates.read") },
    { href: "/responses", label: "Responses", allowed: can(user, "responses.read") },
    { href: "/settings", label: "Settings", allowed: can(user, "settings.manage") },
  ]
    .filter((item) => item.allowed)
    .map(({ href, label }) => ({ href, label }));

  const [channels, selected] = await Promise.all([listChannels(), getSelectedChannel()]);

  return (
    <AppShell
      nav={nav}
      user={{ name: user.name, email: user.email, roleLabel: roleLabels[user.role] }}
      demo={getEnv().FLOWPORT_DEMO}
      channelSwitcher={
        channels.length > 1 && selected ? (
          <ChannelSwitcher
            channels={channels.map(({ id, name }) => ({ id, name }))}
            selectedId={selected.id}
          />
        ) : null
      }
    >
      {children}
    </AppShell>
  );
}
