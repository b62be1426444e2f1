import { describe, expect, it } from "vitest";
import { normalisePhoneNumber, parseRecipientList } from "./phone-numbers";

describe("normalisePhoneNumber", () => {
  it.each([
    ["+44 7700 900123", "+447700900123"],
    ["+1 (555) 123-4567", "+15551234567"],
    ["0044 7700 900123", "+447700900123"],
    ["+6512345678", "+6512345678"],
  ])("normalises %s to %s", (input, e164) => {
    expect(normalisePhoneNumber(input)).toEqual({ ok: true, e164 });
  });

  it.each([
    ["", /empty/],
    ["07700 900123", /no country code/],
    ["+4477009", /too short/],
    ["+1555123456789", /too long/],
    ["+999 123 456", /known country code/],
    ["call me", /letters/],
  ])("refuses %j with a reason", (input, reason) => {
    const check = normalisePhoneNumber(input);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.reason).toMatch(reason);
  });

  it("accepts national numbers when a default country is given", () => {
    expect(normalisePhoneNumber("07700 900123", "GB")).toEqual({ ok: true, e164: "+447700900123" });
  });
});

describe("parseRecipientList", () => {
  it("splits on commas, semicolons and lines, keeps order, reports bad entries and duplicates", () => {
    const list = parseRecipientList("+44 7700 900123, +6512345678\n12345; +447700900123\n\n");
    expect(list.recipients).toEqual(["+447700900123", "+6512345678"]);
    expect(list.invalid).toEqual([{ input: "12345", reason: expect.stringMatching(/country code/) }]);
    expect(list.duplicates).toEqual(["+447700900123"]);
  });
});
