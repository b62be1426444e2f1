/** A component that cannot be drawn: says where in the Flow JSON and why, instead of breaking the phone. */
export function ErrorBox({ path, message }: { path: string; message: string }) {
  return (
    <div
      role="alert"
      data-testid="preview-error"
      data-path={path}
      className="rounded-md border border-dashed border-(--wa-error) bg-(--wa-surface) px-3 py-2 text-xs text-(--wa-error)"
    >
      <div className="font-mono font-semibold break-all">{path}</div>
      <div className="mt-0.5">{message}</div>
    </div>
  );
}
