import type { ExpressionScope, PreviewState } from "./types";

/** What `${data.…}`, `${form.…}` and `${screen.<ID>.…}` see while `screenId` is on screen (§10.5). */
export function buildScope(state: PreviewState, screenId: string): ExpressionScope {
  const screens: ExpressionScope["screens"] = {};
  for (const [id, screen] of Object.entries(state.screens))
    screens[id] = { data: screen.data, form: screen.form };
  const current = state.screens[screenId];
  return { data: current?.data ?? {}, form: current?.form ?? {}, screens };
}
