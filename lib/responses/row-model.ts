import type { FieldColumn } from "./field-columns";

/**
 * One response as every surface shows it (table, details, CSV), so masking and formatting cannot differ
 * between them. Masking happens here, on the server, before anything leaves it.
 */
export const MASKED_VALUE = "**MASKED**";

export type StoredResponse = {
  id: string;
  umid: string;
  phone: string;
  submittedAt: Date;
  responseJson: unknown;
  flowToken: string | null;
  attribution: "TOKEN" | "SEND_LOG" | "MANUAL" | "UNATTRIBUTED";
  tokenForged: boolean;
  channelExternalId: string | null;
};

export type DetailEntry = { key: string; label: string; value: string; items: string[] | null };

export type ResponseRow = {
  id: string;
  umid: string;
  submittedAt: string;
  phone: string;
  cells: Record<string, string>;
  details: DetailEntry[];
  flowToken: string | null;
  attribution: StoredResponse["attribution"];
  tokenForged: boolean;
  channelExternalId: string | null;
};

/** Keeps the last 4 digits: "+15551234567" → "+*******4567". */
export function maskPhoneNumber(phone: string): string {
  const digits = phone.replace(/\D/g, "");
  if (digits.length <= 4) return "*".repeat(digits.length);
  return `${phone.trim().startsWith("+") ? "+" : ""}${"*".repeat(digits.length - 4)}${digits.slice(-4)}`;
}

function isMediaObject(item: unknown): boolean {
  return (
    !!item &&
    typeof item === "object" &&
    ["file_name", "media_id", "cdn_url", "encryption_metadata"].some((key) => key in item)
  );
}

function attachmentCount(value: unknown): number {
  if (Array.isArray(value)) return value.length;
  return value === null || value === undefined || value === "" ? 0 : 1;
}

function isAttachment(value: unknown, column: FieldColumn | undefined): boolean {
  if (column?.kind === "attachment") return true;
  return Array.isArray(value) && value.length > 0 && value.every(isMediaObject);
}

function scalarText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  return jsonText(value);
}

/** A number the way PostgreSQL prints a jsonb number: plain decimal, never an exponent (1e21 → "1000…0"). */
function plainNumber(value: number): string {
  const text = String(value);
  const exponential = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!exponential) return text;
  const [, sign = "", lead = "", fraction = "", exponent = "0"] = exponential;
  const digits = lead + fraction;
  const point = 1 + Number(exponent);
  if (point <= 0) return `${sign}0.${"0".repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${"0".repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

const utf8 = new TextEncoder();

/** jsonb's key order: shorter keys first (in UTF-8 bytes), then bytewise. */
function jsonbKeyOrder(a: string, b: string): number {
  const left = utf8.encode(a);
  const right = utf8.encode(b);
  if (left.length !== right.length) return left.length - right.length;
  const differs = left.findIndex((byte, i) => byte !== right[i]);
  return differs < 0 ? 0 : left[differs]! - right[differs]!;
}

/**
 * Nested values as PostgreSQL prints jsonb (`{"a": 1, "b": [true, null]}`), so the CSV export, which
 * PostgreSQL formats, and the table show the same text.
 */
function jsonText(value: unknown): string {
  if (typeof value === "number") return plainNumber(value);
  if (Array.isArray(value)) return `[${value.map(jsonText).join(", ")}]`;
  if (value && typeof value === "object") {
    const entries = Object.keys(value)
      .sort(jsonbKeyOrder)
      .map((key) => `${JSON.stringify(key)}: ${jsonText((value as Record<string, unknown>)[key])}`);
    return `{${entries.join(", ")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

/** The cell text of one value: arrays joined with ", ", photos and documents as "attached (n)". */
export function formatFieldValue(value: unknown, column?: FieldColumn): string {
  if (value === undefined || value === null) return "";
  if (isAttachment(value, column)) return `attached (${attachmentCount(value)})`;
  if (Array.isArray(value)) return value.map(scalarText).join(", ");
  return scalarText(value);
}

function fieldValues(responseJson: unknown): Record<string, unknown> {
  return responseJson && typeof responseJson === "object" && !Array.isArray(responseJson)
    ? (responseJson as Record<string, unknown>)
    : {};
}

type Masker = (text: string) => string;

function masker(unmasked: boolean): Masker {
  return (text) => (unmasked || text === "" ? text : MASKED_VALUE);
}

function cellsOf(
  values: Record<string, unknown>,
  columns: FieldColumn[],
  mask: Masker,
): Record<string, string> {
  const cells: Record<string, string> = {};
  for (const column of columns) cells[column.key] = mask(formatFieldValue(values[column.key], column));
  return cells;
}

export function toResponseRow(
  response: StoredResponse,
  columns: FieldColumn[],
  { unmasked }: { unmasked: boolean },
): ResponseRow {
  const values = fieldValues(response.responseJson);
  const byKey = new Map(columns.map((column) => [column.key, column]));
  const mask = masker(unmasked);
  const details: DetailEntry[] = Object.entries(values).map(([key, value]) => {
    const column = byKey.get(key);
    const attachment = isAttachment(value, column);
    const items = Array.isArray(value) && !attachment ? value.map((item) => mask(scalarText(item))) : null;
    return { key, label: column?.label ?? key, value: mask(formatFieldValue(value, column)), items };
  });
  return {
    id: response.id,
    umid: response.umid,
    submittedAt: response.submittedAt.toISOString(),
    phone: unmasked ? response.phone : maskPhoneNumber(response.phone),
    cells: cellsOf(values, columns, mask),
    details,
    flowToken: response.flowToken,
    attribution: response.attribution,
    tokenForged: response.tokenForged,
    channelExternalId: response.channelExternalId,
  };
}

export function csvHeader(columns: FieldColumn[]): string[] {
  return [
    "Date Submitted",
    "Phone Number",
    ...columns.map((column) => column.label),
    "Flow Token",
    "Message ID",
  ];
}
