/**
 * WhatsApp's message formatting (*bold*, _italic_, ~strikethrough~, ```monospace```), split into styled
 * runs so the chat-bubble preview shows text as the customer's phone will.
 */
export type TextRun = { text: string; bold?: boolean; italic?: boolean; strike?: boolean; mono?: boolean };

const MARKERS: { pattern: RegExp; style: keyof Omit<TextRun, "text"> }[] = [
  { pattern: /```([\s\S]+?)```/, style: "mono" },
  { pattern: /\*([^*\n]+)\*/, style: "bold" },
  { pattern: /_([^_\n]+)_/, style: "italic" },
  { pattern: /~([^~\n]+)~/, style: "strike" },
];

export function formatWhatsAppText(text: string, inherited: Omit<TextRun, "text"> = {}): TextRun[] {
  let earliest: { index: number; length: number; inner: string; style: keyof Omit<TextRun, "text"> } | null =
    null;
  for (const { pattern, style } of MARKERS) {
    const match = pattern.exec(text);
    if (match && (earliest === null || match.index < earliest.index)) {
      earliest = { index: match.index, length: match[0].length, inner: match[1] ?? "", style };
    }
  }
  if (!earliest) return text ? [{ text, ...inherited }] : [];
  const before = text.slice(0, earliest.index);
  const after = text.slice(earliest.index + earliest.length);
  const inner =
    earliest.style === "mono"
      ? [{ text: earliest.inner, ...inherited, mono: true }]
      : formatWhatsAppText(earliest.inner, { ...inherited, [earliest.style]: true });
  return [
    ...(before ? [{ text: before, ...inherited }] : []),
    ...inner,
    ...formatWhatsAppText(after, inherited),
  ];
}
