import type { Metadata } from "next";
import Link from "next/link";
import { Users } from "lucide-react";
import { Card, PageHeader } from "@/components/ui/card";
import { requirePageUser } from "@/lib/auth";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  await requirePageUser("settings.manage", "/settings");
  return (
    <>
      <PageHeader title="Settings" description="Users, 8x8 channels and API credentials, and the webhook address to give 8x8." />
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <Link href="/settings/users">
          <Card className="h-full p-5 transition hover:border-brand-500 hover:shadow">
            <Users className="mb-3 h-6 w-6 text-brand-600" aria-hidden />
            <h2 className="font-semibold text-slate-900">Users</h2>
            <p className="mt-1 text-sm text-slate-600">Invite people, set their role and log access, deactivate accounts.</p>
          </Card>
        </Link>
      </div>
    </>
  );
}
