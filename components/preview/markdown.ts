// The Markdown subset of RichText and of TextBody/TextCaption with `markdown: true` (§8.1, §8.2).

export type InlineStyle = { bold?: boolean; italic?: boolean; strike?: boolean };
export type Inline =
  | ({ kind: "text"; text: string } & InlineStyle)
  | ({ kind: "link"; text: string; href: string } & InlineStyle)
  | { kind: "image"; alt: string; src: string };

export type Block =
  | { kind: "heading"; level: number; content: Inline[] }
  | { kind: "paragraph"; content: Inline[] }
  | { kind: "list"; ordered: boolean; items: Inline[][] }
  | { kind: "table"; header: Inline[][]; rows: Inline[][][] };

export type MarkdownOptions = {
  /** RichText only: `#` headings, images and tables. TextBody/TextCaption show them as text. */
  rich: boolean;
};

const INLINE =
  /!\[([^\]]*)\]\(([^)\s]+)\)|\[([^\]]+)\]\(([^)\s]+)\)|~~(.+?)~~|\*\*\*(.+?)\*\*\*|\*\*(.+?)\*\*|\*([^*\s][^*]*?)\*|_([^_\s][^_]*?)_/;

export function parseInline(text: string, options: MarkdownOptions, style: InlineStyle = {}): Inline[] {
  const out: Inline[] = [];
  let rest = text;
  while (rest.length > 0) {
    const match = INLINE.exec(rest);
    if (!match) {
      out.push({ kind: "text", text: rest, ...style });
      break;
    }
    if (match.index > 0) out.push({ kind: "text", text: rest.slice(0, match.index), ...style });
    const [whole, alt, src, linkText, href, strike, boldItalic, bold, italic, underscore] = match;
    if (src !== undefined) {
      if (options.rich) out.push({ kind: "image", alt: alt ?? "", src });
      else out.push({ kind: "text", text: whole, ...style });
    } else if (href !== undefined) out.push({ kind: "link", text: linkText ?? href, href, ...style });
    else if (strike !== undefined) out.push(...parseInline(strike, options, { ...style, strike: true }));
    else if (boldItalic !== undefined)
      out.push(...parseInline(boldItalic, options, { ...style, bold: true, italic: true }));
    else if (bold !== undefined) out.push(...parseInline(bold, options, { ...style, bold: true }));
    else out.push(...parseInline(italic ?? underscore ?? "", options, { ...style, italic: true }));
    rest = rest.slice(match.index + whole.length);
  }
  return out;
}

const TABLE_SEPARATOR = /^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/;

function tableCells(line: string): string[] {
  return line
    .trim()
    .replace(/^\|/, "")
    .replace(/\|$/, "")
    .split("|")
    .map((cell) => cell.trim());
}

export function parseMarkdown(source: string | string[], options: MarkdownOptions): Block[] {
  // Each array item is its own paragraph (or block group).
  if (Array.isArray(source)) return source.flatMap((item) => parseMarkdown(item, options));
  const lines = source.split(/\r?\n/);
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.length > 0)
      blocks.push({ kind: "paragraph", content: parseInline(paragraph.join("\n"), options) });
    paragraph = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    const heading = options.rich ? /^(#{1,6})\s+(.*)$/.exec(line) : null;
    const bullet = /^\s*[-*]\s+(.*)$/.exec(line);
    const numbered = /^\s*\d+\.\s+(.*)$/.exec(line);
    if (line.trim() === "") {
      flush();
    } else if (heading) {
      flush();
      blocks.push({
        kind: "heading",
        level: heading[1]?.length ?? 1,
        content: parseInline(heading[2] ?? "", options),
      });
    } else if (options.rich && line.trim().startsWith("|") && TABLE_SEPARATOR.test(lines[i + 1] ?? "")) {
      flush();
      const header = tableCells(line).map((cell) => parseInline(cell, options));
      const rows: Inline[][][] = [];
      for (i += 2; i < lines.length && (lines[i] ?? "").trim().startsWith("|"); i++) {
        rows.push(tableCells(lines[i] ?? "").map((cell) => parseInline(cell, options)));
      }
      i--;
      blocks.push({ kind: "table", header, rows });
    } else if (bullet || numbered) {
      flush();
      const ordered = !bullet;
      const item = parseInline((bullet ?? numbered)?.[1] ?? "", options);
      const last = blocks[blocks.length - 1];
      if (last?.kind === "list" && last.ordered === ordered) last.items.push(item);
      else blocks.push({ kind: "list", ordered, items: [item] });
    } else {
      paragraph.push(line);
    }
  }
  flush();
  return blocks;
}
