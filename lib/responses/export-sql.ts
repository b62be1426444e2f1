import "server-only";
import { escapeLiteral } from "pg";
import type { FieldColumn } from "./field-columns";
import { responsesWhere, type ResponseFilters } from "./filters";
import { MASKED_VALUE } from "./row-model";

/**
 * The CSV export as one `COPY (SELECT …) TO STDOUT WITH (FORMAT csv)`: PostgreSQL formats every cell the
 * way the row model does (row-model.ts: dates, arrays joined, "attached (n)", masking) and defangs
 * formulas the way csv.ts does, and COPY quotes per RFC 4180, so the server only forwards bytes.
 * responses.integration.test.ts proves both give the same file. COPY takes no bind parameters: every
 * value is inlined with the driver's literal escaping.
 */
export function responsesCopySql(
  columns: FieldColumn[],
  filters: ResponseFilters,
  { unmasked }: { unmasked: boolean },
): string {
  const where = responsesWhere(filters, { withSearch: unmasked });
  const direction = filters.sort === "asc" ? "ASC" : "DESC";
  const extracted = columns.map((column, i) => `r."responseJson" ->> ${escapeLiteral(column.key)} AS v${i}`);
  const cells = [
    // An ISO date is never empty and never starts like a formula; neither does a masked phone number.
    `to_char(submitted_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
    unmasked ? defangCell("phone") : maskPhone("phone"),
    ...columns.map((column, i) =>
      unmasked
        ? formatCell(column, `v${i}`, defangCell)
        : maskCell(formatCell(column, `v${i}`, (text) => text)),
    ),
    defangCell("token"),
    defangCell("umid"),
  ];
  // Two levels so that no expression is computed twice: the inner one extracts each key once (->>), the
  // outer one formats. OFFSET 0 keeps PostgreSQL from flattening them back into one expression per
  // reference; the inner order carries through (the outer ORDER BY costs no second sort).
  return `COPY (
    SELECT ${cells.join(",\n           ")}
    FROM (
      SELECT r."submittedAt" AS submitted_at, r.id, r.phone, r."flowToken" AS token, r.umid, r."responseJson" AS j
             ${extracted.map((sql) => `, ${sql}`).join("")}
      FROM "FlowResponse" r
      WHERE ${inlineParameters(where.sql, where.values)}
      ORDER BY r."submittedAt" ${direction}, r.id ${direction}
      OFFSET 0
    ) AS extracted
    ORDER BY submitted_at ${direction}, id ${direction}
  ) TO STDOUT WITH (FORMAT csv)`;
}

const MEDIA_KEYS = `ARRAY['file_name', 'media_id', 'cdn_url', 'encryption_metadata']`;

/**
 * formatFieldValue in SQL, then `finish` (defanging) on the text. `->>` already gives the row model's text
 * for strings, numbers, booleans, objects and null; only arrays (their text starts with "[") need a
 * second look, and attachments, which are never empty and never formulas.
 */
function formatCell(column: FieldColumn, text: string, finish: (text: string) => string): string {
  const value = `(j -> ${escapeLiteral(column.key)})`;
  const isArray = `ascii(${text}) = 91 AND jsonb_typeof(${value}) = 'array'`;
  const attached = (count: string) => `'attached (' || ${count} || ')'`;
  if (column.kind === "attachment") {
    return `CASE WHEN ${text} IS NULL THEN NULL
      WHEN ${isArray} THEN ${attached(`jsonb_array_length(${value})`)}
      WHEN ${text} = '' THEN ${attached("0")} ELSE ${attached("1")} END`;
  }
  const allMedia = `jsonb_array_length(${value}) > 0 AND NOT EXISTS (
      SELECT FROM jsonb_array_elements(${value}) AS item
      WHERE jsonb_typeof(item) <> 'object' OR NOT item ?| ${MEDIA_KEYS})`;
  const joined = `(SELECT string_agg(CASE jsonb_typeof(item) WHEN 'string' THEN item #>> '{}' WHEN 'null' THEN '' ELSE item::text END, ', ' ORDER BY n)
      FROM jsonb_array_elements(${value}) WITH ORDINALITY AS items(item, n))`;
  // Arrays are rare: a subquery names their text, so that finishing it does not compute it three times.
  const arrayText = `(SELECT ${finish("joined")} FROM (SELECT CASE WHEN ${allMedia} THEN ${attached(`jsonb_array_length(${value})`)} ELSE ${joined} END AS joined) AS array_cell)`;
  return `CASE WHEN ${isArray} THEN ${arrayText} ELSE ${finish(text)} END`;
}

/** The masker of the row model: every non-empty value becomes **MASKED**. */
function maskCell(cell: string): string {
  return `CASE WHEN (${cell}) <> '' THEN ${escapeLiteral(MASKED_VALUE)} END`;
}

/** maskPhoneNumber: the last 4 digits, a leading "+" kept (after JavaScript's trim()); empty stays empty. */
function maskPhone(phone: string): string {
  const digits = `regexp_replace(${phone}, '[^0-9]', '', 'g')`;
  const jsWhitespace = String.raw`[\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]`;
  return `NULLIF(CASE WHEN length(${digits}) <= 4 THEN repeat('*', length(${digits}))
    ELSE CASE WHEN ${phone} ~ '^${jsWhitespace}*\\+' THEN '+' ELSE '' END || repeat('*', length(${digits}) - 4) || right(${digits}, 4) END, '')`;
}

/**
 * escapeFormulaCell: a cell starting with = + - @ tab or CR gets a leading quote unless it is a plain
 * number; '' becomes NULL, which COPY writes as an empty unquoted field (it would quote an empty string).
 */
function defangCell(cell: string): string {
  const formulaStart = "61, 43, 45, 64, 9, 13"; // = + - @ \t \r
  return `CASE WHEN ascii(${cell}) IN (${formulaStart}) AND ${cell} !~ '^[+-]?[0-9*][0-9* ().-]*$' THEN '''' || ${cell} ELSE NULLIF(${cell}, '') END`;
}

/** Replaces $n placeholders with escaped literals (for COPY, which has no parameters). */
function inlineParameters(sql: string, values: unknown[]): string {
  return sql.replace(/\$(\d+)/g, (_, n: string) => {
    const value = values[Number(n) - 1];
    return escapeLiteral(value instanceof Date ? value.toISOString() : String(value));
  });
}
