import Link from "next/link";
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { NavLinks, type NavItem } from "./nav-links";
import { UserMenu } from "./user-menu";

export function AppShell({
  nav,
  user,
  demo,
  channelSwitcher,
  children,
}: {
  nav: NavItem[];
  user: { name: string; email: string; roleLabel: string };
  demo: boolean;
  /** Shown when there is more than one WhatsApp channel to choose from. */
  channelSwitcher?: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className="flex min-h-screen flex-col">
      <header className="sticky top-0 z-30 border-b border-slate-200 bg-white/95 backdrop-blur">
        <div className="mx-auto flex h-14 max-w-7xl items-center gap-6 px-4 sm:px-6">
          <Link href="/flows" className="flex items-center gap-2 font-semibold text-slate-900">
            <span className="bg-brand-600 flex h-7 w-7 items-center justify-center rounded-md text-sm font-bold text-white">
              F
            </span>
            Flowport
          </Link>
          {demo ? (
            <Badge tone="amber" title="Embedded database and the built-in 8x8 API simulator">
              Demo mode
            </Badge>
          ) : null}
          <NavLinks items={nav} />
          <div className="ml-auto flex items-center gap-3">
            {channelSwitcher}
            <UserMenu {...user} />
          </div>
        </div>
      </header>
      <main className="mx-auto w-full max-w-7xl flex-1 px-4 py-8 sm:px-6">{children}</main>
    </div>
  );
}
