"use client";
import { Play, WandSparkles } from "lucide-react";
import dynamic from "next/dynamic";
import { useMemo, useRef, useState, type ReactNode } from "react";
import { FlowPreview } from "@/components/preview";
import { Button } from "@/components/ui/button";
import { LATEST_VERSION, type FlowJsonProblem, type ValidationResult } from "@/lib/flow-json";
import { declaredVersion } from "@/lib/authoring/flow-json-version";
import { EditorLoading } from "./editor-loading";
import type { CodeEditorHandle } from "./flow-code-editor";
import { ProblemsList } from "./problems-list";
import { collectProblems, toMarkers } from "./problems";

// Monaco is only downloaded where Flow JSON is edited, never server-rendered.
const FlowCodeEditor = dynamic(() => import("./flow-code-editor"), {
  ssr: false,
  loading: () => <EditorLoading />,
});

export type FlowWorkspaceProps = {
  text: string;
  onTextChange: (text: string) => void;
  /** Bumped whenever `text` is replaced programmatically (see FlowCodeEditor). */
  externalEdit: number;
  /** useLiveValidation's answer for `text`. */
  live: { validation: ValidationResult; validatedText: string; pending: boolean };
  readOnly?: boolean;
  /** 8x8's validationErrors for exactly this text (the caller drops them once the text changes). */
  remoteProblems?: FlowJsonProblem[];
  onSave?: () => void;
  /** Extra buttons for the editor's header (history, etc.). */
  editorActions?: ReactNode;
};

/** Monaco with live markers and a problems list, and beside it the phone preview updating as one types. */
export function FlowWorkspace({
  text,
  onTextChange,
  externalEdit,
  live,
  readOnly = false,
  remoteProblems = [],
  onSave,
  editorActions,
}: FlowWorkspaceProps) {
  const editorRef = useRef<CodeEditorHandle | null>(null);
  const { validation, validatedText, pending } = live;
  const problems = useMemo(() => collectProblems(validation, remoteProblems), [validation, remoteProblems]);
  const markers = useMemo(() => toMarkers(validation, remoteProblems), [validation, remoteProblems]);
  const version = declaredVersion(validatedText) ?? LATEST_VERSION;
  // Run restarts the phone at the first screen with the text as it is right now, without waiting for the debounce.
  const [run, setRun] = useState({ key: 0, text });
  const previewText = run.text === text ? text : validatedText;

  const jump = (line: number, column: number) => editorRef.current?.revealPosition(line, column);

  return (
    <div className="grid min-h-0 flex-1 grid-cols-1 gap-4 lg:grid-cols-[minmax(0,1fr)_380px]">
      <div className="flex min-h-[560px] flex-col overflow-hidden rounded-lg border border-slate-200 bg-white shadow-sm">
        <div className="flex items-center gap-2 border-b border-slate-200 px-3 py-1.5">
          <span className="text-xs font-medium tracking-wide text-slate-500 uppercase">Flow JSON</span>
          <span className="text-xs text-slate-400">version {version}</span>
          <div className="ml-auto flex items-center gap-1">
            {editorActions}
            {!readOnly ? (
              <Button
                variant="ghost"
                size="sm"
                onClick={() => editorRef.current?.format()}
                title="Format (Shift+Alt+F)"
              >
                <WandSparkles aria-hidden className="size-4" /> Format
              </Button>
            ) : null}
          </div>
        </div>
        <div className="min-h-0 flex-1" data-testid="flow-json-editor">
          <FlowCodeEditor
            value={text}
            onChange={onTextChange}
            externalEdit={externalEdit}
            version={version}
            markers={markers}
            readOnly={readOnly}
            onSave={onSave}
            onReady={(handle) => {
              editorRef.current = handle;
            }}
          />
        </div>
        <div className="max-h-48 min-h-20 overflow-hidden">
          <ProblemsList problems={problems} onJump={jump} pending={pending} />
        </div>
      </div>
      <div className="flex flex-col items-center gap-3">
        <div className="flex w-full items-center justify-between">
          <span className="text-xs font-medium tracking-wide text-slate-500 uppercase">Live preview</span>
          <Button
            variant="secondary"
            size="sm"
            onClick={() => setRun((current) => ({ key: current.key + 1, text }))}
            title="Restart the preview at the first screen"
          >
            <Play aria-hidden className="size-4" /> Run
          </Button>
        </div>
        <FlowPreview
          key={run.key}
          flowJson={previewText}
          showPanels={false}
          validation={validation}
          onSelectFinding={(finding) => jump(finding.line, finding.column)}
        />
      </div>
    </div>
  );
}
