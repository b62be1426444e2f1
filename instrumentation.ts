// Runs once when a server instance boots.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { bootNodeServer } = await import("@/lib/boot");
    await bootNodeServer();
  }
}
