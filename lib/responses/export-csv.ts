import "server-only";
import { to as copyTo } from "pg-copy-streams";
import type { CurrentUser } from "@/lib/auth";
import { canSeeUnmaskedData } from "@/lib/auth/permissions";
import { writeAudit } from "@/lib/audit";
import { logger } from "@/lib/logger";
import { CSV_BOM, crlfRecordConverter, toCsvLines } from "./csv";
import { buildFieldColumns, traceCompletePayloadColumns } from "./field-columns";
import type { ResponseFilters } from "./filters";
import { responsesCopySql } from "./export-sql";
import { getPgPool } from "./pg-pool";
import { otherResponseKeys, type ResponsesScope } from "./queries";
import { csvHeader } from "./row-model";

/**
 * Streams every matching response as CSV. PostgreSQL writes the records (COPY … TO STDOUT, formatted and
 * masked in SQL exactly as the row model does); the server passes the bytes on as the client reads them,
 * so memory stays constant (TCP backpressure pauses COPY), and a client that goes away closes the
 * connection, which ends the COPY.
 */
export async function exportResponsesCsv(
  user: CurrentUser,
  scope: ResponsesScope,
  filters: ResponseFilters,
): Promise<ReadableStream<Uint8Array>> {
  const unmasked = canSeeUnmaskedData(user);
  const flowJson = scope.kind === "flow" ? scope.flowJson : null;
  const traced = flowJson ? traceCompletePayloadColumns(flowJson).map((column) => column.key) : [];
  const columns = buildFieldColumns(flowJson, await otherResponseKeys(filters, unmasked, traced));
  await writeAudit(user, {
    action: "responses.export",
    objectType: scope.kind === "flow" ? "flow" : "responses",
    objectId: scope.kind === "flow" ? scope.id : "unattributed",
    details: {
      from: filters.from?.toISOString() ?? null,
      to: filters.to?.toISOString() ?? null,
      channelId: filters.channelId ?? null,
      search: filters.q ? true : false,
      masked: !unmasked,
    },
  });

  const client = await getPgPool().connect();
  try {
    // JIT would spend longer compiling the long per-cell expressions (seconds) than it could save.
    await client.query("SET jit = off");
  } catch (error) {
    client.release(true);
    throw error;
  }
  const copy = client.query(copyTo(responsesCopySql(columns, filters, { unmasked })));
  const chunks = copy[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  let released = false;
  // A COPY cut short leaves the connection mid-protocol: it is closed, not returned to the pool.
  const release = async (broken: boolean) => {
    if (released) return;
    released = true;
    if (broken) copy.destroy();
    else await client.query("RESET jit").catch(() => (broken = true));
    client.release(broken);
  };
  // The first chunk before answering, so that a failing query is an error response, not a cut-off file.
  let next: IteratorResult<Buffer>;
  try {
    next = await chunks.next();
  } catch (error) {
    await release(true);
    throw error;
  }
  const toCrlf = crlfRecordConverter();
  let bytes = 0;
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        controller.enqueue(new TextEncoder().encode(CSV_BOM + toCsvLines([csvHeader(columns)])));
      },
      async pull(controller) {
        try {
          if (next.done) {
            await release(false);
            controller.close();
            logger.info("responses.export_done", { userId: user.id, bytes });
            return;
          }
          bytes += next.value.byteLength;
          controller.enqueue(toCrlf(next.value));
          next = await chunks.next();
        } catch (error) {
          if (released) return; // cancelled by the client meanwhile
          logger.error("responses.export_failed", { userId: user.id, bytes, error });
          await release(true);
          controller.error(error);
        }
      },
      async cancel() {
        await release(true);
      },
    },
    { highWaterMark: 1 },
  );
}
