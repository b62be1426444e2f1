"use client";
import { LogOut } from "lucide-react";
import { Button } from "@/components/ui/button";

// next-auth's client (with its Babel runtime) is only needed for signing out, so it loads on that click.
async function signOut() {
  const { signOut: nextAuthSignOut } = await import("next-auth/react");
  await nextAuthSignOut({ callbackUrl: "/login" });
}

export function UserMenu({ name, email, roleLabel }: { name: string; email: string; roleLabel: string }) {
  return (
    <div className="flex items-center gap-3">
      <div className="text-right leading-tight" data-testid="current-user">
        <div className="text-sm font-medium text-slate-900">{name}</div>
        <div className="text-xs text-slate-500">
          {email} · <span data-testid="current-role">{roleLabel}</span>
        </div>
      </div>
      <Button variant="secondary" size="sm" onClick={signOut}>
        <LogOut className="h-4 w-4" aria-hidden />
        Sign out
      </Button>
    </div>
  );
}
