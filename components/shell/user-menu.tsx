"use client";
import { LogOut } from "lucide-react";
import { signOut } from "next-auth/react";
import { Button } from "@/components/ui/button";

export function UserMenu({ name, email, roleLabel }: { name: string; email: string; roleLabel: string }) {
  return (
    <div className="flex items-center gap-3">
      <div className="text-right leading-tight" data-testid="current-user">
        <div className="text-sm font-medium text-slate-900">{name}</div>
        <div className="text-xs text-slate-500">
          {email} · <span data-testid="current-role">{roleLabel}</span>
        </div>
      </div>
      <Button variant="secondary" size="sm" onClick={() => signOut({ callbackUrl: "/login" })}>
        <LogOut className="h-4 w-4" aria-hidden />
        Sign out
      </Button>
    </div>
  );
}
