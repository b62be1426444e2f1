"use client";
import { DiffEditor } from "@monaco-editor/react";
import { EditorLoading } from "./editor-loading";
import "./monaco-setup";

/** Side by side: a saved revision (left) against the editor's current text (right). Read-only. */
export default function FlowDiffEditor({ original, modified }: { original: string; modified: string }) {
  return (
    <DiffEditor
      original={original}
      modified={modified}
      language="json"
      originalModelPath="revision.json"
      modifiedModelPath="current.json"
      loading={<EditorLoading />}
      height="100%"
      options={{
        readOnly: true,
        originalEditable: false,
        renderSideBySide: true,
        minimap: { enabled: false },
        fontSize: 12,
        scrollBeyondLastLine: false,
        automaticLayout: true,
      }}
    />
  );
}
