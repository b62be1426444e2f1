import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { getCurrentUser } from "@/lib/auth";
import { getEnv } from "@/lib/env";
import { safeCallbackPath } from "@/components/auth/safe-callback-path";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string; error?: string }>;
}) {
  const { callbackUrl, error } = await searchParams;
  const target = safeCallbackPath(callbackUrl);
  if (await getCurrentUser()) redirect(target);
  const demo = getEnv().FLOWPORT_DEMO;
  return (
    <main className="from-brand-50 flex min-h-screen items-center justify-center bg-gradient-to-br via-white to-slate-100 px-4">
      <div className="w-full max-w-sm">
        <div className="mb-8 text-center">
          <div className="bg-brand-600 mx-auto mb-3 flex h-12 w-12 items-center justify-center rounded-xl text-xl font-bold text-white shadow">
            F
          </div>
          <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Sign in to Flowport</h1>
          <p className="mt-1 text-sm text-slate-600">Author, test and send WhatsApp Flows.</p>
        </div>
        <div className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
          <LoginForm callbackUrl={target} initialError={error} />
        </div>
        {demo ? (
          <div className="mt-6 rounded-lg border border-amber-200 bg-amber-50 p-4 text-sm text-amber-900">
            <p className="font-medium">Demo mode</p>
            <p className="mt-1">
              Sign in as <code>admin@example.com</code>, <code>marketer@example.com</code> or{" "}
              <code>tester@example.com</code> with the password <code>flowport-demo</code>.
            </p>
          </div>
        ) : null}
      </div>
    </main>
  );
}
