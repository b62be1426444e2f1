import { describe, expect, it } from "vitest";
import { parseInline, parseMarkdown } from "./markdown";

const rich = { rich: true };

describe("markdown", () => {
  it("parses bold, italic, strikethrough and their combinations", () => {
    expect(parseInline("a **b** *c* ~~***d***~~", rich)).toEqual([
      { kind: "text", text: "a " },
      { kind: "text", text: "b", bold: true },
      { kind: "text", text: " " },
      { kind: "text", text: "c", italic: true },
      { kind: "text", text: " " },
      { kind: "text", text: "d", strike: true, bold: true, italic: true },
    ]);
  });

  it("parses links and, in RichText only, images", () => {
    expect(parseInline("[Terms](https://x.y)", rich)).toEqual([
      { kind: "link", text: "Terms", href: "https://x.y" },
    ]);
    expect(parseInline("![alt](data:image/png;base64,AA)", rich)).toEqual([
      { kind: "image", alt: "alt", src: "data:image/png;base64,AA" },
    ]);
    expect(parseInline("![alt](data:x)", { rich: false })).toEqual([
      { kind: "text", text: "![alt](data:x)" },
    ]);
  });

  it("parses headings, paragraphs, lists and tables", () => {
    const blocks = parseMarkdown(
      "# Title\n## Sub\n\nOne\ntwo\n\n- a\n- b\n1. c\n\n| h1 | h2 |\n| --- | --- |\n| x | **y** |",
      rich,
    );
    expect(blocks.map((block) => block.kind)).toEqual([
      "heading",
      "heading",
      "paragraph",
      "list",
      "list",
      "table",
    ]);
    expect(blocks[5]).toMatchObject({
      header: [[{ text: "h1" }], [{ text: "h2" }]],
      rows: [[[{ text: "x" }], [{ text: "y", bold: true }]]],
    });
  });

  it("keeps # as text outside RichText and treats array items as paragraphs", () => {
    expect(parseMarkdown(["# no", "two"], { rich: false })).toEqual([
      { kind: "paragraph", content: [{ kind: "text", text: "# no" }] },
      { kind: "paragraph", content: [{ kind: "text", text: "two" }] },
    ]);
  });
});
