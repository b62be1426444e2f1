/**
 * WhatsApp's and 8x8's limits for message templates, in one place for the rules, the form's counters and
 * the help texts. Sources: 8x8 "Add WhatsApp template" schema (button text <= 20, name <= 200),
 * the 8x8 media hosting table (header media), and Meta's template limits (header, body, footer, counts).
 */
export const TEMPLATE_LIMITS = {
  nameMax: 200,
  headerTextMax: 60,
  bodyMax: 1024,
  footerMax: 60,
  /** The API schema's limit. The 8x8 guides say 25; the API is what accepts or rejects. */
  buttonTextMax: 20,
  buttonTextGuideMax: 25,
  buttonsMax: 10,
  flowButtonsMax: 1,
  urlButtonsMax: 2,
  phoneButtonsMax: 1,
  quickRepliesMax: 10,
  urlMax: 2000,
  phoneNumberMax: 20,
  sampleMax: 200,
} as const;

export const HEADER_MEDIA_FORMATS = ["IMAGE", "VIDEO", "DOCUMENT"] as const;
export type HeaderMediaFormat = (typeof HEADER_MEDIA_FORMATS)[number];

const MB = 1024 * 1024;

export const HEADER_MEDIA_LIMITS: Record<
  HeaderMediaFormat,
  { label: string; maxBytes: number; mimeTypes: readonly string[]; extensions: readonly string[] }
> = {
  IMAGE: {
    label: "JPEG or PNG image up to 5 MB",
    maxBytes: 5 * MB,
    mimeTypes: ["image/jpeg", "image/png"],
    extensions: ["jpg", "jpeg", "png"],
  },
  VIDEO: {
    label: "MP4 or 3GP video up to 16 MB",
    maxBytes: 16 * MB,
    mimeTypes: ["video/mp4", "video/3gpp"],
    extensions: ["mp4", "3gp"],
  },
  DOCUMENT: {
    label: "PDF, Word, Excel, PowerPoint or text document up to 100 MB",
    maxBytes: 100 * MB,
    mimeTypes: [
      "application/pdf",
      "application/msword",
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "application/vnd.ms-excel",
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "application/vnd.ms-powerpoint",
      "application/vnd.openxmlformats-officedocument.presentationml.presentation",
      "text/plain",
    ],
    extensions: ["pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "txt"],
  },
};

export function formatBytes(bytes: number): string {
  if (bytes >= MB) return `${(bytes / MB).toFixed(1).replace(/\.0$/, "")} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

/** Why a file cannot be a header of this format, or null when it can. */
export function checkHeaderMediaFile(
  format: HeaderMediaFormat,
  file: { name: string; type: string; size: number },
): string | null {
  const limits = HEADER_MEDIA_LIMITS[format];
  const extension = file.name.includes(".") ? file.name.split(".").pop()!.toLowerCase() : "";
  const typeKnown =
    limits.mimeTypes.includes(file.type) || (file.type === "" && limits.extensions.includes(extension));
  if (!typeKnown) return `${file.name} is not accepted here: use a ${limits.label}.`;
  if (file.size > limits.maxBytes)
    return `${file.name} is ${formatBytes(file.size)}; the limit is ${formatBytes(limits.maxBytes)}.`;
  if (file.size === 0) return `${file.name} is empty.`;
  return null;
}
