import "server-only";
import type { CurrentUser } from "@/lib/auth";
import { canSeeUnmaskedData } from "@/lib/auth/permissions";
import { writeAudit } from "@/lib/audit";
import { logger } from "@/lib/logger";
import { CSV_BOM, toCsvLines } from "./csv";
import { buildFieldColumns } from "./field-columns";
import { responsesWhere, type ResponseFilters } from "./filters";
import { getPgPool } from "./pg-pool";
import { distinctResponseKeys, RESPONSE_COLUMNS_SQL, type ResponsesScope } from "./queries";
import { csvHeader, toCsvRecord, type StoredResponse } from "./row-model";

const FETCH_SIZE = 2000;

/**
 * Streams every matching response as CSV from a server-side cursor: one batch in memory at a time, and
 * the next batch is fetched only when the client has read the previous one (pull-based backpressure).
 * The rows go through the same row model as the table, so masking applies to the file too.
 */
export async function exportResponsesCsv(
  user: CurrentUser,
  scope: ResponsesScope,
  filters: ResponseFilters,
): Promise<ReadableStream<Uint8Array>> {
  const unmasked = canSeeUnmaskedData(user);
  const keys = await distinctResponseKeys(filters, unmasked);
  const columns = buildFieldColumns(scope.kind === "flow" ? scope.flowJson : null, keys);
  const where = responsesWhere(filters, { withSearch: unmasked });
  const order = filters.sort === "asc" ? `r."submittedAt" ASC, r.id ASC` : `r."submittedAt" DESC, r.id DESC`;
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
  let open = true;
  const close = async () => {
    if (!open) return;
    open = false;
    await client.query("COMMIT").catch(() => undefined);
    client.release();
  };
  try {
    await client.query("BEGIN READ ONLY");
    await client.query(
      `DECLARE responses_export NO SCROLL CURSOR FOR SELECT ${RESPONSE_COLUMNS_SQL} FROM "FlowResponse" r WHERE ${where.sql} ORDER BY ${order}`,
      where.values,
    );
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    client.release();
    throw error;
  }
  const encoder = new TextEncoder();
  let rowsSent = 0;
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        controller.enqueue(encoder.encode(CSV_BOM + toCsvLines([csvHeader(columns)])));
      },
      async pull(controller) {
        try {
          const { rows } = await client.query<StoredResponse>(`FETCH ${FETCH_SIZE} FROM responses_export`);
          if (rows.length === 0) {
            await close();
            controller.close();
            logger.info("responses.export_done", { userId: user.id, rows: rowsSent });
            return;
          }
          rowsSent += rows.length;
          const records = rows.map((row) => toCsvRecord(row, columns, { unmasked }));
          controller.enqueue(encoder.encode(toCsvLines(records)));
        } catch (error) {
          logger.error("responses.export_failed", { userId: user.id, rows: rowsSent, error });
          await close();
          controller.error(error);
        }
      },
      async cancel() {
        await close();
      },
    },
    { highWaterMark: 1 },
  );
}
