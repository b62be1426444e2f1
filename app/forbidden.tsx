import Link from "next/link";
import { Button } from "@/components/ui/button";

export default function Forbidden() {
  return (
    <main className="flex min-h-[70vh] flex-col items-center justify-center px-4 text-center">
      <p className="text-sm font-semibold text-red-600">403</p>
      <h1 className="mt-2 text-2xl font-semibold text-slate-900">You do not have access to this page</h1>
      <p className="mt-2 text-sm text-slate-600">Ask an admin for a role that includes it.</p>
      <Button asChild className="mt-6">
        <Link href="/flows">Back to flows</Link>
      </Button>
    </main>
  );
}
