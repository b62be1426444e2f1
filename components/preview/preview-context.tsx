"use client";

import { createContext, useContext, type Dispatch } from "react";
import type { PreviewEvent, PreviewState, ResolvedScreen } from "@/lib/preview";

type PreviewContextValue = {
  state: PreviewState;
  screen: ResolvedScreen | null;
  dispatch: Dispatch<PreviewEvent>;
};

const PreviewContext = createContext<PreviewContextValue | null>(null);

export const PreviewProvider = PreviewContext.Provider;

function useContextValue(): PreviewContextValue {
  const value = useContext(PreviewContext);
  if (!value) throw new Error("Preview components must be used inside <PreviewProvider>");
  return value;
}

/** The running session and the screen on display, for components drawn inside the phone body. */
export function usePreview(): PreviewContextValue & { screen: ResolvedScreen } {
  const value = useContextValue();
  if (!value.screen) throw new Error("No screen is on display");
  return value as PreviewContextValue & { screen: ResolvedScreen };
}

export function usePreviewDispatch(): Dispatch<PreviewEvent> {
  return useContextValue().dispatch;
}
