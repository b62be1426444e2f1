/** Only same-site paths are followed after sign-in, so a crafted link cannot send users elsewhere. */
export function safeCallbackPath(callbackUrl: string | undefined | null): string {
  if (!callbackUrl) return "/flows";
  let path = callbackUrl;
  try {
    const parsed = new URL(callbackUrl, "http://flowport.local");
    if (parsed.origin !== "http://flowport.local" && !/^https?:\/\/localhost(:\d+)?$/.test(parsed.origin))
      return "/flows";
    path = parsed.pathname + parsed.search;
  } catch {
    return "/flows";
  }
  if (!path.startsWith("/") || path.startsWith("//") || path.startsWith("/login") || path.startsWith("/api/"))
    return "/flows";
  return path;
}
