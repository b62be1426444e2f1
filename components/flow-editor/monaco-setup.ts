"use client";
import { loader, type Monaco } from "@monaco-editor/react";
import { getFlowJsonSchema } from "@/lib/flow-json";

// Monaco comes from this server (public/monaco/vs, copied from node_modules by scripts/copy-monaco.mjs),
// never from the CDN that @monaco-editor/loader defaults to.
loader.config({ paths: { vs: "/monaco/vs" } });

export const FLOW_MODEL_PATH = "flow.json";

/**
 * Completion and hover from the version's JSON Schema. JSON-mode diagnostics stay off: the Flow JSON
 * validator is the one source of markers, so the problems list and the editor never disagree.
 */
export function configureFlowJsonLanguage(monaco: Monaco, version: string): void {
  const json =
    monaco.json?.jsonDefaults ??
    (monaco.languages.json as unknown as { jsonDefaults?: Monaco["json"]["jsonDefaults"] }).jsonDefaults;
  json?.setDiagnosticsOptions({
    validate: false,
    allowComments: false,
    enableSchemaRequest: false,
    schemas: [
      {
        uri: `https://flowport.local/schemas/flow-json-${version}.json`,
        fileMatch: [FLOW_MODEL_PATH, `**/${FLOW_MODEL_PATH}`],
        schema: getFlowJsonSchema(version),
      },
    ],
  });
}
