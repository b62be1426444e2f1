"use client";
import dynamic from "next/dynamic";
import { EditorLoading } from "./editor-loading";

// The editing pages render in the browser only: they read the unsaved copy from localStorage on first
// render, and Monaco has no server rendering anyway.
const loading = () => (
  <div className="h-[640px] rounded-lg border border-slate-200">
    <EditorLoading />
  </div>
);

export const FlowEditorIsland = dynamic(() => import("./flow-editor").then((m) => m.FlowEditor), {
  ssr: false,
  loading,
});
export const CreateFlowIsland = dynamic(() => import("./create-flow-form").then((m) => m.CreateFlowForm), {
  ssr: false,
  loading,
});
