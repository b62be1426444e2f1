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
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return JSON.stringify(value);
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

/** The CSV record of a response (Date Submitted, Phone Number, field columns, Flow Token, Message ID), masked like the table. */
export function toCsvRecord(
  response: StoredResponse,
  columns: FieldColumn[],
  { unmasked }: { unmasked: boolean },
): string[] {
  const cells = cellsOf(fieldValues(response.responseJson), columns, masker(unmasked));
  return [
    response.submittedAt.toISOString(),
    unmasked ? response.phone : maskPhoneNumber(response.phone),
    ...columns.map((column) => cells[column.key] ?? ""),
    response.flowToken ?? "",
    response.umid,
  ];
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
