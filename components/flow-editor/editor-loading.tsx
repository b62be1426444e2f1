export function EditorLoading() {
  return (
    <div className="flex h-full items-center justify-center bg-white text-sm text-slate-500">
      Loading the editor…
    </div>
  );
}
