"use client";

import { useMemo } from "react";
import { createPreviewSession, resolveScreen } from "@/lib/preview";
import { PhoneFrame } from "./phone-frame";
import type { PhoneTheme } from "./phone-theme";
import { PreviewProvider } from "./preview-context";

const PHONE_WIDTH = 360;
const PHONE_HEIGHT = 720;
const ignoreEvents = () => {};

/** The first screen of a Flow on a small, non-interactive phone (galleries, cards). */
export function FlowThumbnail({
  flowJson,
  scale = 0.5,
  theme = "light",
}: {
  flowJson: string | object;
  scale?: number;
  theme?: PhoneTheme;
}) {
  const state = useMemo(() => createPreviewSession(flowJson), [flowJson]);
  const screen = useMemo(() => resolveScreen(state), [state]);
  return (
    <div
      aria-hidden
      inert
      data-testid="flow-thumbnail"
      className="pointer-events-none shrink-0 overflow-hidden select-none"
      style={{ width: PHONE_WIDTH * scale, height: PHONE_HEIGHT * scale }}
    >
      <div style={{ transform: `scale(${scale})`, transformOrigin: "top left", width: PHONE_WIDTH }}>
        <PreviewProvider value={{ state, screen, dispatch: ignoreEvents }}>
          <PhoneFrame state={state} screen={screen} theme={theme} parseError={null} />
        </PreviewProvider>
      </div>
    </div>
  );
}
