import "server-only";
import { logger } from "@/lib/logger";
import { processDeliveryBatch } from "./process-batch";

/**
 * PENDING deliveries are the processing queue, in PostgreSQL, shared by every instance. Two things work it:
 * - the sweep (jobs.ts, a pg-boss schedule that runs on one instance every minute) is the guarantee: it takes
 *   whatever is left, e.g. after an instance died between storing and processing, and retries FAILED ones;
 * - kickProcessing() is the accelerator: the instance that stored deliveries starts working them at once.
 * Either way batches are claimed with SKIP LOCKED, so they never process a delivery twice.
 */
const BATCH_SIZE = 500;

let draining: Promise<void> | null = null;
let kicked = false;

/** Processes pending deliveries in the background, now; cheap to call on every request. */
export function kickProcessing(): void {
  kicked = true;
  draining ??= drainKicked().finally(() => {
    draining = null;
    if (kicked) kickProcessing();
  });
}

async function drainKicked(): Promise<void> {
  try {
    while (kicked) {
      kicked = false;
      while ((await processDeliveryBatch({ limit: BATCH_SIZE })) === BATCH_SIZE);
    }
  } catch (error) {
    // The database is unreachable, say: the rows stay PENDING for the next kick or the sweep.
    kicked = false;
    logger.error("webhooks.processing_failed", { error });
  }
}

/** Everything still PENDING, then one more attempt for (a batch of) the FAILED deliveries with attempts left. */
export async function sweepDeliveries(): Promise<void> {
  while ((await processDeliveryBatch({ limit: BATCH_SIZE })) === BATCH_SIZE);
  // Once per sweep, so that retries are a minute apart.
  await processDeliveryBatch({ limit: BATCH_SIZE, retryFailed: true });
}
