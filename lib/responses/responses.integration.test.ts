import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import type { CurrentUser } from "@/lib/auth";
import { resetDatabase } from "@/lib/testing/database";
import { assignResponseToFlow } from "./assign-response";
import { exportResponsesCsv } from "./export-csv";
import { responseFiltersSchema } from "./filters";
import { getPgPool } from "./pg-pool";
import { getResponsesScope, loadResponsesSummary, loadResponsesTable, type ResponsesScope } from "./queries";
import { responsesWhere, type ResponseFilters } from "./filters";
import { buildFieldColumns } from "./field-columns";
import { CSV_BOM, toCsvLines } from "./csv";
import { csvHeader, toResponseRow, type StoredResponse } from "./row-model";

const admin: CurrentUser = {
  id: "00000000-0000-4000-8000-000000000001",
  email: "admin@example.com",
  name: "Admin",
  role: "ADMIN" as const,
  logAccess: true,
};
const marketer: CurrentUser = {
  id: "00000000-0000-4000-8000-000000000002",
  email: "marketer@example.com",
  name: "Marketer",
  role: "MARKETER" as const,
  logAccess: false,
};

const flowJson = JSON.stringify({
  version: "7.2",
  screens: [
    {
      id: "FORM",
      terminal: true,
      layout: {
        type: "SingleColumnLayout",
        children: [
          { type: "TextInput", name: "name", label: "Full name" },
          { type: "TextArea", name: "details", label: "Additional details" },
          {
            type: "Footer",
            label: "Send",
            "on-click-action": {
              name: "complete",
              payload: { full_name: "${form.name}", additional_details: "${form.details}" },
            },
          },
        ],
      },
    },
  ],
});

async function setup() {
  const db = getDb();
  const [one, two] = await Promise.all([
    db.channel.create({ data: { externalId: "ch-1", name: "Channel one" } }),
    db.channel.create({ data: { externalId: "ch-2", name: "Channel two" } }),
  ]);
  const flow = await db.flow.create({
    data: { channelId: one.id, externalId: "f1", name: "Feedback", status: "PUBLISHED", flowJson },
  });
  return { flow, one, two };
}

/** Inserts n responses for the flow, one per minute from 2026-01-01T00:00Z, alternating channels. */
async function insertResponses(
  flowId: string | null,
  channels: string[],
  n: number,
  values: (i: number) => object = (i) => ({ full_name: `Person ${i}`, additional_details: "ok" }),
) {
  await getDb().flowResponse.createMany({
    data: Array.from({ length: n }, (_, i) => ({
      umid: `${flowId ?? "none"}-${i}`,
      flowId,
      channelId: channels[i % channels.length]!,
      attribution: flowId ? ("TOKEN" as const) : ("UNATTRIBUTED" as const),
      phone: `+1555000${String(i).padStart(4, "0")}`,
      submittedAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000),
      receivedAt: new Date(),
      responseJson: values(i),
      flowToken: `token-${i}`,
    })),
  });
}

async function csvOf(user: CurrentUser, query: Record<string, string>) {
  const filters = responseFiltersSchema.parse(query);
  const stream = await exportResponsesCsv(user, await getResponsesScope(filters.flowId), filters);
  // Keep the byte order mark: Response.text() would strip it.
  return new TextDecoder("utf-8", { ignoreBOM: true }).decode(await new Response(stream).arrayBuffer());
}

/** Minimal RFC 4180 reader for the assertions (quoted fields may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = "";
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted && c === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (quoted && c === '"') {
      quoted = false;
    } else if (quoted) {
      field += c;
    } else if (c === '"') {
      quoted = true;
    } else if (c === ",") {
      record.push(field);
      field = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      record.push(field);
      records.push(record);
      record = [];
      field = "";
      i++;
    } else {
      field += c;
    }
  }
  return records;
}

/** What the page shows: the table's first page and the summary streamed after it. */
async function loadResponsesPage(user: CurrentUser, scope: ResponsesScope, filters: ResponseFilters) {
  const [table, summary] = await Promise.all([
    loadResponsesTable(user, scope, filters),
    loadResponsesSummary(user, scope, filters),
  ]);
  return { ...table, ...summary };
}

beforeEach(async () => {
  await resetDatabase();
  await getDb().user.createMany({ data: [admin, marketer].map((u) => ({ ...u, passwordHash: "not-used" })) });
});
afterAll(async () => {
  await getPgPool().end();
});

describe("responses table and export", () => {
  it("AT-RESP-3: the table shows 1,000 of 1,001; the CSV has all 1,001 rows plus the header", async () => {
    const { flow, one } = await setup();
    await insertResponses(flow.id, [one.id], 1001);
    const page = await loadResponsesPage(
      admin,
      await getResponsesScope(flow.id),
      responseFiltersSchema.parse({ flowId: flow.id }),
    );
    expect(page.rows).toHaveLength(1000);
    expect(page.total).toBe(1001);
    expect(page.rows[0]!.umid).toBe(`${flow.id}-1000`); // newest first
    expect(page.columns.map((c) => c.label)).toEqual(["Full name", "Additional details"]);

    const csv = await csvOf(admin, { flowId: flow.id });
    expect(csv.startsWith("\uFEFF")).toBe(true);
    const records = parseCsv(csv.slice(1));
    expect(records).toHaveLength(1002);
    expect(records[0]).toEqual([
      "Date Submitted",
      "Phone Number",
      "Full name",
      "Additional details",
      "Flow Token",
      "Message ID",
    ]);
    expect(records[1]).toEqual([
      "2026-01-01T16:40:00.000Z",
      "+15550001000",
      "Person 1000",
      "ok",
      "token-1000",
      `${flow.id}-1000`,
    ]);
    const audit = await getDb().auditLog.findFirstOrThrow({ where: { action: "responses.export" } });
    expect(audit).toMatchObject({ actorId: admin.id, objectId: flow.id });
  });

  it("AT-RESP-4: the date range and channel filters narrow the table and the export alike", async () => {
    const { flow, one, two } = await setup();
    await insertResponses(flow.id, [one.id, two.id], 10); // 00:00 … 00:09, channels alternate
    const query = {
      flowId: flow.id,
      from: "2026-01-01T00:02:00Z",
      to: "2026-01-01T00:08:00Z",
      channelId: two.id,
    };
    const page = await loadResponsesPage(
      admin,
      await getResponsesScope(flow.id),
      responseFiltersSchema.parse(query),
    );
    expect(page.rows.map((r) => r.umid)).toEqual([7, 5, 3].map((i) => `${flow.id}-${i}`));
    const records = parseCsv((await csvOf(admin, query)).slice(1));
    expect(records.slice(1).map((r) => r[5])).toEqual([7, 5, 3].map((i) => `${flow.id}-${i}`));
    // A bare date means the whole UTC day.
    expect(
      responseFiltersSchema.safeParse({ flowId: flow.id, from: "2026-01-03", to: "2026-01-02" }).error
        ?.issues[0]?.message,
    ).toBe("The start of the date range must be before its end.");
    const sameDay = await loadResponsesPage(
      admin,
      await getResponsesScope(flow.id),
      responseFiltersSchema.parse({ flowId: flow.id, from: "2026-01-01", to: "2026-01-01" }),
    );
    expect(sameDay.total).toBe(10);
  });

  it("AT-RESP-5: without log access phones and values are masked in the page, the details and the CSV", async () => {
    const { flow, one } = await setup();
    await insertResponses(flow.id, [one.id], 2);
    const page = await loadResponsesPage(
      marketer,
      await getResponsesScope(flow.id),
      responseFiltersSchema.parse({ flowId: flow.id, q: "Person 1" }),
    );
    expect(page.masked).toBe(true);
    expect(page.total).toBe(2); // the value search is not available without log access (it would reveal values)
    expect(page.rows[0]).toMatchObject({
      phone: "+*******0001",
      cells: { full_name: "**MASKED**", additional_details: "**MASKED**" },
    });
    expect(JSON.stringify(page.rows)).not.toMatch(/Person|\+15550/);
    const csv = await csvOf(marketer, { flowId: flow.id });
    expect(csv).not.toMatch(/Person|\+15550/);
    expect(parseCsv(csv.slice(1))[1]!.slice(1, 4)).toEqual(["+*******0001", "**MASKED**", "**MASKED**"]);
  });

  it("AT-RESP-6/7: details keep arrays whole; CSV quoting survives commas, quotes, newlines; formulas are defanged", async () => {
    const { flow, one } = await setup();
    const nasty = 'Fits too small, need "size L"\nthanks';
    await insertResponses(flow.id, [one.id], 1, () => ({
      full_name: '=HYPERLINK("http://x")',
      additional_details: nasty,
      topics: ["a", "b, c"],
    }));
    const page = await loadResponsesPage(
      admin,
      await getResponsesScope(flow.id),
      responseFiltersSchema.parse({ flowId: flow.id }),
    );
    expect(page.rows[0]!.details.find((d) => d.key === "topics")?.items).toEqual(["a", "b, c"]);
    const records = parseCsv((await csvOf(admin, { flowId: flow.id })).slice(1));
    expect(records[0]).toContain("topics");
    expect(records[1]!.slice(2, 5)).toEqual(['\'=HYPERLINK("http://x")', nasty, "a, b, c"]);
  });

  it("searches values with log access; unattributed responses are listed apart and assigned by an admin, audited", async () => {
    const { flow, one } = await setup();
    await insertResponses(flow.id, [one.id], 3);
    await insertResponses(null, [one.id], 2, (i) => ({ other: `orphan ${i}` }));
    const search = await loadResponsesPage(
      admin,
      await getResponsesScope(flow.id),
      responseFiltersSchema.parse({ flowId: flow.id, q: "person 2" }),
    );
    expect(search.rows.map((r) => r.cells.full_name)).toEqual(["Person 2"]);
    const unattributed = await loadResponsesPage(
      admin,
      await getResponsesScope("unattributed"),
      responseFiltersSchema.parse({ flowId: "unattributed" }),
    );
    expect(unattributed.rows.map((r) => r.cells.other)).toEqual(["orphan 1", "orphan 0"]);

    await assignResponseToFlow(admin, { responseId: unattributed.rows[0]!.id, flowId: flow.id });
    await expect(
      assignResponseToFlow(admin, { responseId: unattributed.rows[0]!.id, flowId: flow.id }),
    ).rejects.toThrow("already attributed");
    const moved = await getDb().flowResponse.findUniqueOrThrow({ where: { id: unattributed.rows[0]!.id } });
    expect(moved).toMatchObject({ flowId: flow.id, attribution: "MANUAL", assignedById: admin.id });
    expect(await getDb().auditLog.count({ where: { action: "responses.assign", objectId: moved.id } })).toBe(
      1,
    );
  });

  it("a foreign or malformed flow id is not found", async () => {
    await expect(getResponsesScope("00000000-0000-4000-8000-00000000dead")).rejects.toThrow(
      "The flow was not found.",
    );
    await expect(getResponsesScope("../etc")).rejects.toThrow("The flow was not found.");
  });
});

/** A flow whose complete payload has a text input, a checkbox group and a photo (an attachment column). */
const variedFlowJson = JSON.stringify({
  version: "7.2",
  screens: [
    {
      id: "FORM",
      terminal: true,
      layout: {
        type: "SingleColumnLayout",
        children: [
          { type: "TextInput", name: "name", label: "Full name" },
          { type: "CheckboxGroup", name: "topics", label: "Topics", "data-source": [] },
          { type: "PhotoPicker", name: "photo", label: "Photo" },
          {
            type: "Footer",
            label: "Send",
            "on-click-action": {
              name: "complete",
              payload: { full_name: "${form.name}", topics: "${form.topics}", photo: "${form.photo}" },
            },
          },
        ],
      },
    },
  ],
});

const media = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ file_name: `p${i}.jpg`, media_id: `m${i}`, cdn_url: null }));

/** Values that stress every formatting rule: quoting, formulas, arrays, media, numbers, nesting, non-ASCII. */
const variedValues: Record<string, unknown>[] = [
  { full_name: 'Jane "JJ" Smith, Jr.', topics: ["a", "b, c"], photo: "base64_encoded_photo_data" },
  { full_name: "line 1\nline 2\r\nline 3\rend", topics: [], photo: "" },
  { full_name: '=HYPERLINK("http://x")', topics: ["=1+1", "@x"], photo: media(2) },
  { full_name: "+15551234567", topics: [null, 3, true, { b: 1, a: "x" }], photo: [] },
  { full_name: "-12.5", topics: ["", ""], photo: null, notes: "+cmd|' /C calc'!A0" },
  { full_name: "-2+3", topics: "not an array", notes: "@SUM(A1)", extra: 12 },
  { full_name: "\t=1+1", topics: null, notes: "\r=2", extra: 1e21 },
  { full_name: "Zoë 名前 مرحبا 😀", topics: ["ü", "ß"], extra: -1.5e-7, nested: { é: [1, 2.5], z: false } },
  { full_name: "", topics: [{ file_name: "x.pdf" }, "y"], photo: { media_id: "1" }, extra: true },
  { full_name: "[not, json]", topics: ["[x]"], attachments: media(1), "we'ird \\ key": "v" },
  { full_name: "{}", extra: 0, nested: {}, list: [[1, [2]], []] },
  {},
  { full_name: '"', topics: ['"'], notes: ",", extra: "   " },
  { full_name: "(555) 123-4567", notes: "-", extra: "+", path: "C:\\new\\path" },
];
const variedPhones = ["+15551234567", "6512345678", "123", " +44 7700 900123", "", "+1-555-0100"];

/** The export as the row model (the table) would write it: the reference the SQL export must equal. */
async function rowModelCsv(user: CurrentUser, filters: ResponseFilters, flowJson: string | null) {
  const unmasked = user.logAccess;
  const where = responsesWhere(filters, { withSearch: unmasked });
  const order = filters.sort === "asc" ? "ASC" : "DESC";
  const stored = await getDb().$queryRawUnsafe<StoredResponse[]>(
    `SELECT r.id, r.umid, r.phone, r."submittedAt", r."responseJson", r."flowToken", r.attribution, r."tokenForged", r."channelExternalId"
       FROM "FlowResponse" r WHERE ${where.sql} ORDER BY r."submittedAt" ${order}, r.id ${order}`,
    ...where.values,
  );
  const keys = [...new Set(stored.flatMap((r) => Object.keys(r.responseJson as object)))].sort();
  const columns = buildFieldColumns(flowJson, keys);
  const records = stored.map((response) => {
    const row = toResponseRow(response, columns, { unmasked });
    return [
      row.submittedAt,
      row.phone,
      ...columns.map((column) => row.cells[column.key] ?? ""),
      row.flowToken ?? "",
      row.umid,
    ];
  });
  return CSV_BOM + toCsvLines([csvHeader(columns), ...records]);
}

describe("CSV export formatted by PostgreSQL", () => {
  it("writes byte for byte what the row model writes, masked and unmasked, for varied values and filters", async () => {
    const { one, two } = await setup();
    const flow = await getDb().flow.create({
      data: {
        channelId: one.id,
        externalId: "f2",
        name: "Varied",
        status: "PUBLISHED",
        flowJson: variedFlowJson,
      },
    });
    await getDb().flowResponse.createMany({
      data: variedValues.flatMap((values, i) =>
        [flow.id, null].map((flowId) => ({
          umid: `${flowId ? "m" : "u"}-${i}${i % 3 === 0 ? ",=x" : ""}`,
          flowId,
          channelId: i % 2 ? one.id : two.id,
          attribution: flowId ? ("TOKEN" as const) : ("UNATTRIBUTED" as const),
          phone: variedPhones[i % variedPhones.length]!,
          submittedAt: new Date(Date.UTC(2026, 0, 1 + (i % 5), 12, i, 30, i * 7)),
          receivedAt: new Date(),
          responseJson: values as object,
          flowToken: i % 4 === 0 ? null : i % 4 === 1 ? `=tok-${i}` : `fp1.tok,${i}`,
        })),
      ),
    });
    const cases: Record<string, string>[] = [
      { flowId: flow.id },
      { flowId: flow.id, sort: "asc" },
      { flowId: "unattributed" },
      { flowId: flow.id, from: "2026-01-02", to: "2026-01-04", channelId: two.id },
      { flowId: flow.id, q: "ü" },
      { flowId: flow.id, q: `' OR 1=1; \\ % _ "` },
      { flowId: flow.id, q: "|' /c" },
      { flowId: flow.id, q: "c:\\NEW\\" },
    ];
    for (const query of cases) {
      for (const user of [admin, marketer]) {
        const filters = responseFiltersSchema.parse(query);
        const flowJson = filters.flowId === "unattributed" ? null : variedFlowJson;
        const expected = await rowModelCsv(user, filters, flowJson);
        expect(await csvOf(user, query), `${user.email} ${JSON.stringify(query)}`).toBe(expected);
        // Each case has rows to compare (the search is ignored without log access), but the injection attempt.
        const records = expected.split("\r\n").length - 2;
        if (!query.q?.startsWith("' OR")) expect(records, JSON.stringify(query)).toBeGreaterThan(0);
      }
    }
    // The reference itself covers what it should: quoting, defanged formulas, attachments, masking.
    const unmasked = await rowModelCsv(
      admin,
      responseFiltersSchema.parse({ flowId: flow.id }),
      variedFlowJson,
    );
    expect(unmasked).toContain('"Jane ""JJ"" Smith, Jr."');
    expect(unmasked).toContain("'=HYPERLINK");
    expect(unmasked).toContain("attached (2)");
    expect(unmasked).toContain('{""a"": ""x"", ""b"": 1}');
    expect(unmasked.split("\r\n")[0]).toBe(
      `${CSV_BOM}Date Submitted,Phone Number,Full name,Topics,Photo,attachments,extra,list,nested,notes,path,we'ird \\ key,Flow Token,Message ID`,
    );
    const masked = await rowModelCsv(
      marketer,
      responseFiltersSchema.parse({ flowId: flow.id }),
      variedFlowJson,
    );
    expect(masked).toContain("**MASKED**");
    expect(masked).not.toContain("Jane");
  });

  it("a client that stops reading closes the export's connection, which ends the COPY", async () => {
    const { flow } = await setup();
    await getDb().$executeRaw`
      INSERT INTO "FlowResponse" (id, umid, "flowId", attribution, phone, "submittedAt", "receivedAt", "responseJson")
      SELECT gen_random_uuid(), 'bulk-' || i, ${flow.id}::uuid, 'TOKEN', '+1555' || i, now(), now(),
             jsonb_build_object('full_name', repeat('x', 300) || i)
        FROM generate_series(1, 100000) AS i`;
    const filters = responseFiltersSchema.parse({ flowId: flow.id });
    const stream = await exportResponsesCsv(admin, await getResponsesScope(flow.id), filters);
    const reader = stream.getReader();
    await reader.read();
    await reader.read();
    const copies = () =>
      getDb().$queryRaw<{ n: bigint }[]>`
        SELECT count(*) AS n FROM pg_stat_activity WHERE query LIKE 'COPY (%' AND pid <> pg_backend_pid()`;
    expect(Number((await copies())[0]!.n)).toBe(1);
    await reader.cancel();
    await expect.poll(async () => Number((await copies())[0]!.n), { timeout: 10_000 }).toBe(0);
    expect(getPgPool().totalCount).toBe(getPgPool().idleCount);
  });
});
