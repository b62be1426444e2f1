import {
  parsePhoneNumberFromString,
  validatePhoneNumberLength,
  type CountryCode,
} from "libphonenumber-js/max";

/**
 * Recipients are normalised to E.164 before any API call: 8x8 answers other formats with code 1002
 * ("Invalid MSISDN format (not E.164 international number)"), one error for a whole request. Here each
 * bad number gets its own reason, and the good ones their canonical form.
 */
export type PhoneCheck = { ok: true; e164: string } | { ok: false; reason: string };

const lengthReasons: Record<string, string> = {
  TOO_SHORT: "is too short for its country",
  TOO_LONG: "is too long for its country",
  INVALID_LENGTH: "has the wrong number of digits for its country",
  INVALID_COUNTRY: "does not start with a known country code (write it as +<country code><number>)",
  NOT_A_NUMBER: "is not a phone number",
};

export function normalisePhoneNumber(raw: string, defaultCountry?: CountryCode): PhoneCheck {
  const input = raw.trim();
  if (!input) return { ok: false, reason: "is empty" };
  if (/[a-z]/i.test(input.replace(/^tel:/i, ""))) return { ok: false, reason: "contains letters" };
  const compact = input.replace(/^00/, "+");
  if (!compact.startsWith("+") && !defaultCountry) {
    return {
      ok: false,
      reason: "has no country code (write it as +<country code><number>, e.g. +44 7700 900123)",
    };
  }
  const lengthProblem = validatePhoneNumberLength(compact, defaultCountry);
  if (lengthProblem)
    return { ok: false, reason: lengthReasons[lengthProblem] ?? "is not a valid phone number" };
  const parsed = parsePhoneNumberFromString(compact, defaultCountry);
  if (!parsed) return { ok: false, reason: "is not a phone number" };
  // Possible (right length for the country) rather than valid: WhatsApp test numbers and 8x8's own
  // examples (+1 555 …) use ranges that strict numbering-plan validation refuses.
  if (!parsed.isPossible()) return { ok: false, reason: "is not a possible number for its country" };
  return { ok: true, e164: parsed.number };
}

export type RecipientList = {
  /** Distinct E.164 numbers in the order first given. */
  recipients: string[];
  /** Each rejected entry verbatim, with its reason. */
  invalid: { input: string; reason: string }[];
  /** Entries that normalised to a number already in the list. */
  duplicates: string[];
};

/** Splits on commas, semicolons and line breaks, then checks each entry. */
export function parseRecipientList(text: string, defaultCountry?: CountryCode): RecipientList {
  const entries = text
    .split(/[\n,;]+/)
    .map((entry) => entry.trim())
    .filter(Boolean);
  const recipients: string[] = [];
  const invalid: { input: string; reason: string }[] = [];
  const duplicates: string[] = [];
  for (const entry of entries) {
    const check = normalisePhoneNumber(entry, defaultCountry);
    if (!check.ok) invalid.push({ input: entry, reason: check.reason });
    else if (recipients.includes(check.e164)) duplicates.push(entry);
    else recipients.push(check.e164);
  }
  return { recipients, invalid, duplicates };
}

/** "“0712” has no country code …": one sentence per bad entry, for field errors. */
export function describeInvalidRecipient(entry: { input: string; reason: string }): string {
  return `“${entry.input}” ${entry.reason}.`;
}
