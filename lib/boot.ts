import { ConfigError, getEnv } from "@/lib/env";
import { logger } from "@/lib/logger";

/** Runs once per server instance: checks configuration, then starts the durable job workers. */
export async function bootNodeServer(): Promise<void> {
  try {
    getEnv();
  } catch (error) {
    if (error instanceof ConfigError) {
      // One clear sentence naming the variable, and the start stops.
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  // Next.js also loads instrumentation during `next build`; workers only belong to a running server.
  // eslint-disable-next-line no-restricted-properties -- Next.js' own build phase, not configuration
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  await import("@/lib/jobs/workers");
  const { startWorkers } = await import("@/lib/jobs");
  await startWorkers().catch((error: unknown) => logger.error("jobs.start_failed", { error }));
}
