import { z } from "zod";

/** The responses filters, shared by the page (search params) and the export route (query string). */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

const emptyToUndefined = (value: unknown) =>
  typeof value === "string" && value.trim() === "" ? undefined : value;

const instant = (bound: "from" | "to") =>
  z.preprocess(
    emptyToUndefined,
    z
      .string()
      .refine(
        (value) => !Number.isNaN(Date.parse(value)),
        `"${bound}" must be a date (YYYY-MM-DD) or an ISO 8601 date-time.`,
      )
      .transform((value) => {
        // A bare date covers that whole day (UTC): "to" is exclusive at the next midnight.
        if (!DATE_ONLY.test(value)) return new Date(value);
        const day = new Date(`${value}T00:00:00.000Z`);
        return bound === "to" ? new Date(day.getTime() + 86_400_000) : day;
      })
      .optional(),
  );

export const responseFiltersSchema = z
  .object({
    flowId: z.union(
      [z.literal("unattributed"), z.string().regex(UUID, 'flowId must be a flow id or "unattributed".')],
      {
        error: 'flowId must be a flow id or "unattributed".',
      },
    ),
    from: instant("from"),
    to: instant("to"),
    channelId: z.preprocess(
      emptyToUndefined,
      z.string().regex(UUID, "channelId must be a channel id.").optional(),
    ),
    q: z.preprocess(
      emptyToUndefined,
      z.string().max(200, "The search is limited to 200 characters.").optional(),
    ),
    sort: z.preprocess(emptyToUndefined, z.enum(["desc", "asc"]).default("desc")),
  })
  .refine((filters) => !filters.from || !filters.to || filters.from < filters.to, {
    message: "The start of the date range must be before its end.",
    path: ["to"],
  });

export type ResponseFilters = z.infer<typeof responseFiltersSchema>;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** A parameterised WHERE clause usable by Prisma ($queryRawUnsafe) and node-postgres alike. */
export function responsesWhere(
  filters: ResponseFilters,
  { withSearch }: { withSearch: boolean },
): { sql: string; values: unknown[] } {
  const values: unknown[] = [];
  const param = (value: unknown) => {
    values.push(value);
    return `$${values.length}`;
  };
  const clauses =
    filters.flowId === "unattributed"
      ? [`r."flowId" IS NULL`]
      : [`r."flowId" = ${param(filters.flowId)}::uuid`];
  if (filters.from) clauses.push(`r."submittedAt" >= ${param(filters.from)}`);
  if (filters.to) clauses.push(`r."submittedAt" < ${param(filters.to)}`);
  if (filters.channelId) clauses.push(`r."channelId" = ${param(filters.channelId)}::uuid`);
  if (withSearch && filters.q) {
    const pattern = `%${filters.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const p = param(pattern);
    clauses.push(
      `(EXISTS (SELECT 1 FROM jsonb_each_text(r."responseJson") AS field WHERE field.value ILIKE ${p}) OR r.phone ILIKE ${p} OR r.umid ILIKE ${p})`,
    );
  }
  return { sql: clauses.join(" AND "), values };
}

type SearchParams = Record<string, string | string[] | undefined>;

/** The page's filters from its URL; an invalid filter is dropped and reported instead of failing the page. */
export function parsePageFilters(searchParams: SearchParams, flowId: string) {
  const first = (name: string) => {
    const value = searchParams[name];
    return (Array.isArray(value) ? value[0] : value)?.trim() || undefined;
  };
  const raw = {
    from: first("from"),
    to: first("to"),
    channelId: first("channelId"),
    q: first("q"),
    sort: first("sort") === "asc" ? ("asc" as const) : ("desc" as const),
  };
  const parsed = responseFiltersSchema.safeParse({ flowId, ...raw });
  if (parsed.success) return { filters: parsed.data, raw, error: null };
  return {
    filters: responseFiltersSchema.parse({ flowId, sort: raw.sort }),
    raw: { sort: raw.sort },
    error: parsed.error.issues[0]?.message ?? "The filters are invalid.",
  };
}
