"use client";

import { useId } from "react";
import { Camera, FileText, X } from "lucide-react";
import { pickerLimits, type ComponentNode, type MediaDescriptor, type PickedFile } from "@/lib/preview";
import { FieldHint, FieldLabel, text, useField } from "./field-chrome";

async function describe(file: File): Promise<PickedFile> {
  let sha256: string | undefined;
  if (globalThis.crypto?.subtle && typeof file.arrayBuffer === "function") {
    const digest = await crypto.subtle.digest("SHA-256", await file.arrayBuffer());
    sha256 = btoa(String.fromCharCode(...new Uint8Array(digest)));
  }
  return { fileName: file.name, mimeType: file.type, sizeBytes: file.size, ...(sha256 ? { sha256 } : {}) };
}

/** PhotoPicker and DocumentPicker (§8.17, §8.18): pick local files; the reducer enforces counts, sizes and types. */
export function MediaField({ node }: { node: ComponentNode }) {
  const field = useField(node);
  const inputId = useId();
  const photo = node.type === "PhotoPicker";
  const { min, max, maxSizeKb } = pickerLimits(node.type, node.props);
  const files = Array.isArray(field.value) ? (field.value as MediaDescriptor[]) : [];
  const mimeTypes = Array.isArray(node.props["allowed-mime-types"])
    ? (node.props["allowed-mime-types"] as string[]).join(",")
    : undefined;
  const Icon = photo ? Camera : FileText;
  const source = text(node.props["photo-source"]);
  const tile = photo
    ? source === "camera"
      ? "Take photo"
      : source === "gallery"
        ? "Choose from gallery"
        : "Take photo or choose from gallery"
    : "Upload document";
  return (
    <div>
      <FieldLabel label={node.props.label} required={min > 0} />
      {node.props.description !== undefined && (
        <p className="mt-0.5 text-sm text-(--wa-muted)">{text(node.props.description)}</p>
      )}
      <label
        htmlFor={inputId}
        className="mt-2 flex cursor-pointer items-center justify-center gap-2 rounded-lg border border-dashed border-(--wa-border) py-4 text-sm font-medium text-(--wa-link)"
      >
        <Icon aria-hidden className="size-5" />
        {tile}
      </label>
      <input
        id={inputId}
        type="file"
        aria-label={text(node.props.label) || field.name}
        className="sr-only"
        multiple={max > 1}
        accept={photo ? "image/*" : mimeTypes}
        disabled={!field.enabled || files.length >= max}
        onChange={async (event) => {
          const picked = await Promise.all(Array.from(event.target.files ?? []).map(describe));
          event.target.value = "";
          if (picked.length > 0) field.dispatch({ type: "files-picked", name: field.name, files: picked });
        }}
      />
      {files.length > 0 && (
        <ul className="mt-2 flex flex-col gap-1">
          {files.map((file) => (
            <li
              key={file.id}
              className="flex items-center gap-2 rounded-md bg-(--wa-surface) px-2 py-1.5 text-sm"
            >
              <Icon aria-hidden className="size-4 shrink-0 text-(--wa-muted)" />
              <span className="min-w-0 flex-1 truncate">{file.file_name}</span>
              <button
                type="button"
                aria-label={`Remove ${file.file_name}`}
                onClick={() => field.change(files.filter((f) => f.id !== file.id))}
              >
                <X className="size-4" />
              </button>
            </li>
          ))}
        </ul>
      )}
      <p className="mt-1 px-1 text-xs text-(--wa-muted)">
        {max > 1 ? `${files.length}/${max} · ` : ""}max{" "}
        {maxSizeKb >= 1024 ? `${Math.round(maxSizeKb / 1024)} MB` : `${maxSizeKb} KB`} each
      </p>
      <FieldHint id={field.id} error={field.error} />
    </div>
  );
}
