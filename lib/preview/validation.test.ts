import { describe, expect, it } from "vitest";
import { checkField } from "./validation";

const message = (type: string, props: Record<string, unknown>, value: unknown) =>
  checkField(type, props, value as never)?.message ?? null;

describe("TextInput", () => {
  it.each([
    ["email", "abc", "Enter a valid email address"],
    ["email", "a@b.co", null],
    ["phone", "call me", "Enter a valid phone number"],
    ["phone", "123", "Enter a valid phone number"],
    ["phone", "+1 (555) 123-4567", null],
    ["number", "12a", "Enter a valid number"],
    ["number", "-12.5", null],
    ["passcode", "12ab", "Only digits are allowed"],
    ["passcode", "0042", null],
    ["password", "anything", null],
    ["text", "anything", null],
  ])("input-type %s with %j", (inputType, value, expected) => {
    expect(message("TextInput", { "input-type": inputType }, value)).toBe(expected);
  });

  it("requires a value only when required", () => {
    expect(checkField("TextInput", { required: true }, undefined)).toEqual({
      code: "required",
      message: "This field is required",
    });
    expect(checkField("TextInput", { required: true }, "")?.code).toBe("required");
    expect(checkField("TextInput", {}, "")).toBeNull();
  });

  it("checks min-chars and max-chars (default 80)", () => {
    expect(message("TextInput", { "min-chars": 3 }, "ab")).toBe("Enter at least 3 characters");
    expect(message("TextInput", { "max-chars": "4" }, "abcde")).toBe("Enter no more than 4 characters");
    expect(message("TextInput", {}, "x".repeat(81))).toBe("Enter no more than 80 characters");
  });

  it("checks pattern after the built-in rule and shows helper-text", () => {
    const props = { pattern: "^[A-Z]{2}\\d{2}$", "helper-text": "E.g. AB12" };
    expect(message("TextInput", props, "ab12")).toBe("E.g. AB12");
    expect(message("TextInput", props, "AB12")).toBeNull();
    expect(
      message(
        "TextInput",
        { "input-type": "passcode", pattern: "007", "helper-text": "Contains: 007" },
        "12a",
      ),
    ).toBe("Only digits are allowed");
    expect(message("TextInput", { "input-type": "passcode", pattern: "007" }, "1007")).toBeNull();
    expect(message("TextInput", { pattern: "([" }, "x")).toBeNull();
  });
});

describe("TextArea", () => {
  it("uses max-length (default 600)", () => {
    expect(message("TextArea", {}, "x".repeat(601))).toBe("Enter no more than 600 characters");
    expect(message("TextArea", { "max-length": 5 }, "123456")).toBe("Enter no more than 5 characters");
    expect(message("TextArea", { required: true }, "")).toBe("This field is required");
  });
});

describe("selections", () => {
  it("CheckboxGroup and ChipsSelector honour required and min/max-selected-items", () => {
    expect(message("CheckboxGroup", { required: true }, [])).toBe("This field is required");
    expect(message("CheckboxGroup", { "min-selected-items": 2 }, ["a"])).toBe("Select at least 2 options");
    expect(message("CheckboxGroup", { "min-selected-items": 2 }, undefined)).toBeNull();
    expect(message("ChipsSelector", { "max-selected-items": 2 }, ["a", "b", "c"])).toBe(
      "Select up to 2 options",
    );
    expect(message("ChipsSelector", { "max-selected-items": 2 }, ["a", "b"])).toBeNull();
  });

  it("RadioButtonsGroup, Dropdown and OptIn need a value when required", () => {
    expect(message("RadioButtonsGroup", { required: true }, undefined)).toBe("This field is required");
    expect(message("Dropdown", { required: true }, "x")).toBeNull();
    expect(message("OptIn", { required: true }, false)).toBe("This field is required");
    expect(message("OptIn", { required: true }, true)).toBeNull();
  });
});

describe("dates", () => {
  const props = { "min-date": "2026-01-10", "max-date": "2026-01-20", "unavailable-dates": ["2026-01-15"] };

  it("DatePicker keeps values within [min,max] and off unavailable dates", () => {
    expect(message("DatePicker", props, "2026-01-09")).toBe("This date is not available");
    expect(message("DatePicker", props, "2026-01-15")).toBe("This date is not available");
    expect(message("DatePicker", props, "2026-01-16")).toBeNull();
    expect(message("DatePicker", { required: true }, undefined)).toBe("This field is required");
  });

  it("DatePicker before 5.0 compares millisecond timestamps", () => {
    const legacy = { "min-date": String(Date.UTC(2026, 0, 10)) };
    expect(message("DatePicker", legacy, String(Date.UTC(2026, 0, 9)))).toBe("This date is not available");
    expect(message("DatePicker", legacy, String(Date.UTC(2026, 0, 11)))).toBeNull();
  });

  it("CalendarPicker single respects include-days", () => {
    // 2026-01-17 is a Saturday.
    expect(
      message("CalendarPicker", { "include-days": ["Mon", "Tue", "Wed", "Thu", "Fri"] }, "2026-01-17"),
    ).toBe("This date is not available");
    expect(message("CalendarPicker", { "include-days": ["Sat"] }, "2026-01-17")).toBeNull();
  });

  it("CalendarPicker range checks per-end required, order and min/max-days", () => {
    const range = {
      mode: "range",
      required: { "start-date": true, "end-date": false },
      "min-days": 2,
      "max-days": 5,
    };
    expect(message("CalendarPicker", range, { "end-date": "2026-01-12" })).toBe("This field is required");
    expect(message("CalendarPicker", range, { "start-date": "2026-01-12" })).toBeNull();
    expect(message("CalendarPicker", range, { "start-date": "2026-01-12", "end-date": "2026-01-13" })).toBe(
      "Select a range of at least 2 days",
    );
    expect(message("CalendarPicker", range, { "start-date": "2026-01-12", "end-date": "2026-01-20" })).toBe(
      "Select a range of at most 5 days",
    );
    expect(message("CalendarPicker", range, { "start-date": "2026-01-12", "end-date": "2026-01-10" })).toBe(
      "This date is not available",
    );
    expect(message("CalendarPicker", { mode: "range", required: true }, { "start-date": "2026-01-12" })).toBe(
      "This field is required",
    );
  });
});

describe("pickers", () => {
  const file = { file_name: "a.jpg", mime_type: "image/jpeg", sha256: "x", id: "1" };
  it("use min/max-uploaded-* instead of required", () => {
    expect(message("PhotoPicker", {}, undefined)).toBeNull();
    expect(message("PhotoPicker", { "min-uploaded-photos": 1 }, [])).toBe("Add at least 1 file");
    expect(message("DocumentPicker", { "max-uploaded-documents": 1 }, [file, file])).toBe(
      "Add no more than 1 files",
    );
    expect(message("DocumentPicker", { "min-uploaded-documents": 1 }, [file])).toBeNull();
  });
});
