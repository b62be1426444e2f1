import "server-only";
import { randomBytes, randomUUID } from "node:crypto";
import { getDb } from "@/lib/db";
import { badRequest, notFound, SimError } from "./errors";
import type { SimResponse } from "./types";

const MB = 1024 * 1024;
/** 8x8-api.md §5.3: formats and size limits per kind. */
const MEDIA_TYPES: Record<string, { contentType: string; maxBytes: number }> = {
  jpg: { contentType: "image/jpeg", maxBytes: 5 * MB },
  jpeg: { contentType: "image/jpeg", maxBytes: 5 * MB },
  png: { contentType: "image/png", maxBytes: 5 * MB },
  mp4: { contentType: "video/mp4", maxBytes: 16 * MB },
  "3gp": { contentType: "video/3gpp", maxBytes: 16 * MB },
  pdf: { contentType: "application/pdf", maxBytes: 100 * MB },
  doc: { contentType: "application/msword", maxBytes: 100 * MB },
  docx: {
    contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    maxBytes: 100 * MB,
  },
  xls: { contentType: "application/vnd.ms-excel", maxBytes: 100 * MB },
  xlsx: {
    contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    maxBytes: 100 * MB,
  },
  ppt: { contentType: "application/vnd.ms-powerpoint", maxBytes: 100 * MB },
  pptx: {
    contentType: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    maxBytes: 100 * MB,
  },
  txt: { contentType: "text/plain", maxBytes: 100 * MB },
  aac: { contentType: "audio/aac", maxBytes: 16 * MB },
  m4a: { contentType: "audio/mp4", maxBytes: 16 * MB },
  amr: { contentType: "audio/amr", maxBytes: 16 * MB },
  mp3: { contentType: "audio/mpeg", maxBytes: 16 * MB },
  ogg: { contentType: "audio/ogg", maxBytes: 16 * MB },
  opus: { contentType: "audio/opus", maxBytes: 16 * MB },
};

/** Answers as the Media Hosting page documents: `{fileName, token}` plus a `location` header. */
export async function uploadMedia(form: FormData): Promise<SimResponse> {
  const file = form.get("file");
  if (!(file instanceof Blob)) throw badRequest("Malformed request or missing file");
  const extension = (file instanceof File ? file.name : "").split(".").pop()?.toLowerCase() ?? "";
  const kind = MEDIA_TYPES[extension];
  if (!kind) throw new SimError(415, 1000, "Unsupported Media Type");
  if (file.size > kind.maxBytes) throw new SimError(413, 1000, "Payload Too Large");
  const fileName = `${randomUUID().replace(/-/g, "")}.${extension}`;
  const token = randomBytes(24).toString("base64url");
  await getDb().simMedia.create({
    data: { fileName, token, contentType: kind.contentType, data: new Uint8Array(await file.arrayBuffer()) },
  });
  return {
    status: 200,
    json: { fileName, token },
    headers: { location: `/files/${fileName}?token=${token}`, "cache-control": "no-store,no-cache" },
  };
}

/** `GET /files/:fileName?token=`: the token is the only authorisation (8x8-api.md §5.2). */
export async function downloadMedia(fileName: string, token: string | null): Promise<SimResponse> {
  const media = await getDb().simMedia.findUnique({ where: { fileName } });
  if (!media || !token || media.token !== token) throw notFound("File not found");
  return { status: 200, body: new Uint8Array(media.data), contentType: media.contentType };
}
