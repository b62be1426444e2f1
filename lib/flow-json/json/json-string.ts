// String tokens of JSON text that JSON.parse has already accepted: [start, end) spans include the quotes.

/** The decoded value of the string token [start, end). */
export function readString(text: string, start: number, end: number): string {
  const raw = text.slice(start + 1, end - 1);
  if (!raw.includes("\\")) return raw;
  try {
    return JSON.parse(text.slice(start, end)) as string;
  } catch {
    return raw;
  }
}
