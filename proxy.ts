import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";

// An optimistic check only: pages and handlers still verify the user (and that it is active) in the database.
// API routes answer for themselves with a JSON 401, so only pages are redirected here.
export async function proxy(request: NextRequest) {
  const token = await getToken({ req: request, secret: process.env.NEXTAUTH_SECRET });
  if (token) return NextResponse.next();
  const login = new URL("/login", request.url);
  login.searchParams.set("callbackUrl", request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.redirect(login);
}

export const config = {
  matcher: [
    "/((?!api/|login|_next/|favicon.ico|icon.svg|monaco/|.*\\.(?:png|svg|jpg|ico|css|js|map|woff2?)$).*)",
  ],
};
