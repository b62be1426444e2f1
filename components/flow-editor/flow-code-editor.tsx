"use client";
import Editor, { type Monaco, type OnMount } from "@monaco-editor/react";
import { useEffect, useRef } from "react";
import type { EditorMarker } from "@/lib/flow-json";
import { EditorLoading } from "./editor-loading";
import { configureFlowJsonLanguage, FLOW_MODEL_PATH } from "./monaco-setup";

type StandaloneEditor = Parameters<OnMount>[0];

/** What the workspace can ask of the editor (problems list jumps, the Format button). */
export type CodeEditorHandle = {
  revealPosition: (line: number, column: number) => void;
  format: () => void;
  focus: () => void;
};

export type FlowCodeEditorProps = {
  value: string;
  onChange: (text: string) => void;
  /**
   * Bumped when `value` was replaced from outside (an example, a restored revision): only then is it pushed
   * into Monaco. Monaco owns the text while one types; re-applying every `value` would drop keystrokes
   * that arrive before React re-renders.
   */
  externalEdit: number;
  /** Flow JSON version for the schema (completion and hover). */
  version: string;
  markers: EditorMarker[];
  readOnly?: boolean;
  onSave?: () => void;
  onReady?: (handle: CodeEditorHandle) => void;
};

const MARKER_OWNER = "flowport";

/** Monaco for Flow JSON. Loaded with next/dynamic (ssr: false) so only the editing pages download it. */
export default function FlowCodeEditor({
  value,
  onChange,
  externalEdit,
  version,
  markers,
  readOnly = false,
  onSave,
  onReady,
}: FlowCodeEditorProps) {
  const editorRef = useRef<StandaloneEditor | null>(null);
  const monacoRef = useRef<Monaco | null>(null);
  // Monaco keeps the callbacks it was given at mount: read the latest through refs.
  const onSaveRef = useRef(onSave);
  useEffect(() => {
    onSaveRef.current = onSave;
  }, [onSave]);

  useEffect(() => {
    if (monacoRef.current) configureFlowJsonLanguage(monacoRef.current, version);
  }, [version]);

  const appliedExternalEdit = useRef(externalEdit);
  useEffect(() => {
    if (externalEdit === appliedExternalEdit.current) return;
    appliedExternalEdit.current = externalEdit;
    const editor = editorRef.current;
    const model = editor?.getModel();
    if (!editor || !model || model.getValue() === value) return;
    // An edit rather than setValue, so Ctrl+Z brings the previous text back.
    editor.executeEdits("flowport", [{ range: model.getFullModelRange(), text: value }]);
    editor.pushUndoStop();
  }, [externalEdit, value]);

  useEffect(() => {
    const editor = editorRef.current;
    const monaco = monacoRef.current;
    const model = editor?.getModel();
    if (!monaco || !model) return;
    monaco.editor.setModelMarkers(model, MARKER_OWNER, markers);
  }, [markers]);

  const handleMount: OnMount = (editor, monaco) => {
    editorRef.current = editor;
    monacoRef.current = monaco;
    const model = editor.getModel();
    if (model) monaco.editor.setModelMarkers(model, MARKER_OWNER, markers);
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyS, () => onSaveRef.current?.());
    const format = () => void editor.getAction("editor.action.formatDocument")?.run();
    onReady?.({
      revealPosition: (line, column) => {
        editor.revealPositionInCenter({ lineNumber: line, column });
        editor.setPosition({ lineNumber: line, column });
        editor.focus();
      },
      format,
      focus: () => editor.focus(),
    });
  };

  return (
    <Editor
      path={FLOW_MODEL_PATH}
      language="json"
      defaultValue={value}
      onChange={(text) => onChange(text ?? "")}
      beforeMount={(monaco) => configureFlowJsonLanguage(monaco, version)}
      onMount={handleMount}
      loading={<EditorLoading />}
      options={{
        readOnly,
        domReadOnly: readOnly,
        minimap: { enabled: false },
        fontSize: 13,
        tabSize: 2,
        insertSpaces: true,
        formatOnPaste: false,
        scrollBeyondLastLine: false,
        automaticLayout: true,
        wordWrap: "off",
        renderValidationDecorations: "on",
        fixedOverflowWidgets: true,
        quickSuggestions: { strings: true, other: true, comments: false },
      }}
      height="100%"
    />
  );
}
