import { describe, expect, it } from "vitest";
import { escapeFormulaCell, toCsvLines } from "./csv";

describe("CSV", () => {
  it.each([
    ['=HYPERLINK("http://evil","x")', '\'=HYPERLINK("http://evil","x")'],
    ["+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"],
    ["-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"],
    ["@SUM(A1:A2)", "'@SUM(A1:A2)"],
    ["\t=1+1", "'\t=1+1"],
    ["\r=1+1", "'\r=1+1"],
    ["+15551234567", "+15551234567"],
    ["+*******4567", "+*******4567"],
    ["-12.5", "-12.5"],
    ["Jane = Smith", "Jane = Smith"],
  ])("defangs formula cells: %j", (input, expected) => {
    expect(escapeFormulaCell(input)).toBe(expected);
  });

  it("quotes commas, quotes and line breaks per RFC 4180 with CRLF records (AT-RESP-7)", () => {
    expect(
      toCsvLines([
        ["a,b", 'say "hi"', "line 1\nline 2", "plain"],
        ["x", "", "", "y"],
      ]),
    ).toBe('"a,b","say ""hi""","line 1\nline 2",plain\r\nx,,,y\r\n');
  });
});
