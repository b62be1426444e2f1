import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { writeAudit } from "@/lib/audit";
import { verifyPassword } from "./password";
import { clearFailedSignIns, isSignInThrottled, recordFailedSignIn } from "./sign-in-throttle";

export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().email(),
  password: z.string().min(1).max(200),
});

function clientIp(headers: Record<string, unknown> | undefined): string | null {
  const forwarded = headers?.["x-forwarded-for"];
  if (typeof forwarded === "string" && forwarded) return forwarded.split(",")[0]!.trim();
  const realIp = headers?.["x-real-ip"];
  return typeof realIp === "string" ? realIp : null;
}

/** Thrown to the sign-in page as `?error=` codes; the login form turns them into sentences. */
export const SIGN_IN_ERRORS = {
  throttled: "TooManyAttempts",
  invalid: "CredentialsSignin",
} as const;

export function getAuthOptions(): NextAuthOptions {
  const env = getEnv();
  return {
    secret: env.NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    jwt: { maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/login" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: {
          email: { label: "Email", type: "email" },
          password: { label: "Password", type: "password" },
        },
        async authorize(raw, request) {
          const parsed = credentialsSchema.safeParse(raw);
          if (!parsed.success) return null;
          const { email, password } = parsed.data;
          const ip = clientIp(request?.headers);
          if (await isSignInThrottled(email, ip)) throw new Error(SIGN_IN_ERRORS.throttled);

          const user = await getDb().user.findUnique({ where: { email } });
          // Compare even when the user does not exist, so timing does not reveal which emails are registered.
          const ok = await verifyPassword(
            password,
            user?.passwordHash ?? "$2b$11$invalidinvalidinvalidinvalidinvalidinvalidinvalidinvali",
          );
          if (!user || !ok || !user.active) {
            await recordFailedSignIn(email, ip);
            return null;
          }
          await clearFailedSignIns(email);
          await getDb().user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
          await writeAudit(
            { id: user.id, email: user.email },
            { action: "auth.sign_in", objectType: "user", objectId: user.id },
          );
          return { id: user.id, email: user.email, name: user.name };
        },
      }),
    ],
    callbacks: {
      // The token carries only the user id: role, permissions and the active flag are read from the database
      // on every request, so a change (or a deactivation) takes effect at once.
      async jwt({ token, user }) {
        if (user) token.sub = user.id;
        return token;
      },
      async session({ session, token }) {
        if (session.user && token.sub) (session.user as { id?: string }).id = token.sub;
        return session;
      },
    },
  };
}
