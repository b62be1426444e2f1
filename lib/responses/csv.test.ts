import { describe, expect, it } from "vitest";
import { crlfRecordConverter, escapeFormulaCell, toCsvLines } from "./csv";

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

  it("turns COPY's LF record ends into CRLF, keeping line breaks inside quoted fields, however the chunks fall", () => {
    const copyOutput = 'a,"say ""hi""\nthere",b\nx,,"line\n""q"""\n"\n",é\n';
    const expected = 'a,"say ""hi""\nthere",b\r\nx,,"line\n""q"""\r\n"\n",é\r\n';
    const bytes = new TextEncoder().encode(copyOutput);
    for (let cut = 0; cut <= bytes.length; cut++) {
      for (const size of [1, 3]) {
        const convert = crlfRecordConverter();
        const parts = [bytes.subarray(0, cut)];
        for (let i = cut; i < bytes.length; i += size) parts.push(bytes.subarray(i, i + size));
        const out = Buffer.concat(parts.map((part) => convert(part))).toString("utf8");
        expect(out, `cut at ${cut}, then ${size}-byte chunks`).toBe(expected);
      }
    }
  });
});
