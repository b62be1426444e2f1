import "server-only";
import PgBoss from "pg-boss";
import { getEnv } from "@/lib/env";
import { logger } from "@/lib/logger";

/**
 * The durable job queue (pg-boss, in PostgreSQL's `pgboss` schema). Work that must survive a restart or run
 * once across instances goes here: webhook processing, syncs, simulator callbacks, status polling.
 */
const globalForQueue = globalThis as unknown as { flowportQueue?: Promise<PgBoss> };

export type JobHandler<T extends object> = (data: T, job: { id: string; name: string }) => Promise<void>;

type Registration = { handler: JobHandler<object>; options: WorkerOptions };
type WorkerOptions = {
  batchSize?: number;
  pollingIntervalSeconds?: number;
  retryLimit?: number;
  /** A cron expression: pg-boss then sends the job itself, once per tick across all instances. */
  schedule?: string;
};

const registry = new Map<string, Registration>();

/** Features declare their queues and handlers once, at import time (see lib/jobs/workers.ts). */
export function defineJob<T extends object>(
  name: string,
  handler: JobHandler<T>,
  options: WorkerOptions = {},
) {
  registry.set(name, { handler: handler as JobHandler<object>, options });
  return {
    name,
    /** Enqueue durably; `startAfter` in seconds delays the job (e.g. the simulator's approval delay). */
    send: async (data: T, sendOptions: PgBoss.SendOptions = {}) => {
      const boss = await getQueue();
      return boss.send(name, data, {
        retryLimit: options.retryLimit ?? 5,
        retryBackoff: true,
        ...sendOptions,
      });
    },
    /** Runs the handler inline: for tests and for work the caller wants done before it answers. */
    runNow: (data: T) => handler(data, { id: "inline", name }),
  };
}

async function startQueue(): Promise<PgBoss> {
  const boss = new PgBoss({ connectionString: getEnv().DATABASE_URL, schema: "pgboss", max: 4 });
  boss.on("error", (error) => logger.error("jobs.error", { error }));
  await boss.start();
  for (const name of registry.keys()) await boss.createQueue(name);
  return boss;
}

export function getQueue(): Promise<PgBoss> {
  globalForQueue.flowportQueue ??= startQueue().catch((error) => {
    globalForQueue.flowportQueue = undefined;
    throw error;
  });
  return globalForQueue.flowportQueue;
}

/** Starts a worker for every registered job in this instance; pg-boss hands each job to one instance. */
export async function startWorkers(): Promise<void> {
  const boss = await getQueue();
  for (const [name, { handler, options }] of registry) {
    await boss.createQueue(name);
    if (options.schedule)
      await boss.schedule(name, options.schedule, {}, { retryLimit: options.retryLimit ?? 5 });
    await boss.work<object>(
      name,
      { batchSize: options.batchSize ?? 1, pollingIntervalSeconds: options.pollingIntervalSeconds ?? 0.5 },
      async (jobs) => {
        for (const job of jobs) await handler(job.data, { id: job.id, name });
      },
    );
  }
  logger.info("jobs.workers_started", { queues: [...registry.keys()] });
}

export async function stopQueue(): Promise<void> {
  const boss = await globalForQueue.flowportQueue?.catch(() => undefined);
  await boss?.stop({ graceful: true, wait: true });
  globalForQueue.flowportQueue = undefined;
}
