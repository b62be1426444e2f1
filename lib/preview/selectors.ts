import { listScreens } from "./flow-model";
import type { PreviewState } from "./types";

// Small read-only views of the state for the UI.

export function screenIds(state: PreviewState): string[] {
  return listScreens(state.flow).map((screen) => screen.id);
}

/** The request the tester must answer, if any. */
export function awaitingRequest(state: PreviewState) {
  return state.status === "awaiting-endpoint" ? state.pending : null;
}
