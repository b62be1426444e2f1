import { describe, expect, it } from "vitest";
import { csvHeader, formatFieldValue, maskPhoneNumber, MASKED_VALUE, toResponseRow } from "./row-model";

const columns = [
  { key: "name", label: "Name", kind: "value" as const },
  { key: "channels", label: "Channels", kind: "value" as const },
  { key: "photo", label: "Photo", kind: "attachment" as const },
];
const stored = {
  id: "r1",
  umid: "u1",
  phone: "+15551234567",
  submittedAt: new Date("2026-01-15T10:30:00.000Z"),
  responseJson: {
    name: "Jane",
    channels: ["whatsapp", "sms"],
    photo: "base64_encoded_photo_data",
    note: "extra",
  },
  flowToken: "tok",
  attribution: "TOKEN" as const,
  tokenForged: false,
  channelExternalId: "ch",
};

describe("row model", () => {
  it("formats arrays joined, attachments as a count, media objects as attachments", () => {
    expect(formatFieldValue(["a", "b"])).toBe("a, b");
    expect(formatFieldValue("base64", columns[2])).toBe("attached (1)");
    expect(
      formatFieldValue([
        { file_name: "a.jpg", media_id: "1" },
        { file_name: "b.jpg", media_id: "2" },
      ]),
    ).toBe("attached (2)");
    expect(formatFieldValue(true)).toBe("true");
    expect(formatFieldValue(12.5)).toBe("12.5");
    expect(formatFieldValue(undefined)).toBe("");
  });

  it("prints nested values and numbers as PostgreSQL prints jsonb (the CSV export is formatted by it)", () => {
    expect(formatFieldValue({ zz: null, b: true, aa: [1, "x"], "10": { é: 1, z: 2 } })).toBe(
      '{"b": true, "10": {"z": 2, "é": 1}, "aa": [1, "x"], "zz": null}',
    );
    expect(formatFieldValue([{ a: 1 }, "b"])).toBe('{"a": 1}, b');
    expect(formatFieldValue(1e21)).toBe("1000000000000000000000");
    expect(formatFieldValue(-1.5e-7)).toBe("-0.00000015");
    expect(formatFieldValue(1.25e22)).toBe("12500000000000000000000");
    expect(formatFieldValue([2e-7, 123.5])).toBe("0.0000002, 123.5");
  });

  it("keeps the last 4 digits of a phone number", () => {
    expect(maskPhoneNumber("+15551234567")).toBe("+*******4567");
    expect(maskPhoneNumber("6512345678")).toBe("******5678");
  });

  it("shows everything with log access, details with every key and arrays in full", () => {
    const row = toResponseRow(stored, columns, { unmasked: true });
    expect(row.cells).toEqual({ name: "Jane", channels: "whatsapp, sms", photo: "attached (1)" });
    expect(row.details.find((d) => d.key === "channels")?.items).toEqual(["whatsapp", "sms"]);
    expect(row.details.find((d) => d.key === "note")).toMatchObject({ label: "note", value: "extra" });
    expect(csvHeader(columns)).toEqual([
      "Date Submitted",
      "Phone Number",
      "Name",
      "Channels",
      "Photo",
      "Flow Token",
      "Message ID",
    ]);
  });

  it("masks phones and every value without log access, in cells and details alike", () => {
    const row = toResponseRow(stored, columns, { unmasked: false });
    expect(row.phone).toBe("+*******4567");
    expect(Object.values(row.cells)).toEqual([MASKED_VALUE, MASKED_VALUE, MASKED_VALUE]);
    expect(row.details.every((d) => d.value === MASKED_VALUE)).toBe(true);
    expect(row.details.find((d) => d.key === "channels")?.items).toEqual([MASKED_VALUE, MASKED_VALUE]);
    expect(JSON.stringify(row)).not.toContain("Jane");
  });
});
