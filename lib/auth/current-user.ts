import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { forbidden, redirect } from "next/navigation";
import { connection } from "next/server";
import { getDb } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { ForbiddenError, UnauthenticatedError } from "@/lib/errors";
import { getAuthOptions } from "./options";
import { can, type Permission } from "./permissions";

export type CurrentUser = {
  id: string;
  email: string;
  name: string;
  role: Role;
  logAccess: boolean;
};

/** The signed-in, still active user, or null. Read once per request. */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  await connection(); // per-request data: never prerender a page that asks who is signed in
  const session = await getServerSession(getAuthOptions());
  const id = (session?.user as { id?: string } | undefined)?.id;
  if (!id) return null;
  const user = await getDb().user.findUnique({
    where: { id },
    select: { id: true, email: true, name: true, role: true, logAccess: true, active: true },
  });
  if (!user || !user.active) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role, logAccess: user.logAccess };
});

/** For route handlers and server actions: throws the typed error that maps to 401 or 403. */
export async function requireUser(permission?: Permission): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) throw new UnauthenticatedError();
  if (permission && !can(user, permission)) throw new ForbiddenError();
  return user;
}

/** For pages: redirects to sign-in without a session, renders the 403 page without the permission. */
export async function requirePageUser(permission?: Permission, callbackPath = "/"): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/login?callbackUrl=${encodeURIComponent(callbackPath)}`);
  if (permission && !can(user, permission)) forbidden();
  return user;
}
