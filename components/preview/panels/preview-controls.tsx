"use client";

import { useState, type Dispatch } from "react";
import { Moon, RotateCcw, Sun } from "lucide-react";
import type { PreviewEvent } from "@/lib/preview";
import type { PhoneTheme } from "../phone-theme";

type Props = {
  screenIds: string[];
  currentScreen: string | null;
  dispatch: Dispatch<PreviewEvent>;
  theme: PhoneTheme;
  onThemeChange: (theme: PhoneTheme) => void;
};

/** Reset, start at a chosen screen, and the phone's light/dark theme. */
export function PreviewControls({ screenIds, currentScreen, dispatch, theme, onThemeChange }: Props) {
  const [target, setTarget] = useState("");
  const chosen = target && screenIds.includes(target) ? target : (screenIds[0] ?? "");
  const button =
    "flex items-center gap-1.5 rounded border border-neutral-300 px-2.5 py-1.5 text-xs dark:border-neutral-700";
  return (
    <div
      role="toolbar"
      aria-label="Preview controls"
      className="flex flex-wrap items-center gap-2 text-neutral-900 dark:text-neutral-100"
    >
      <button type="button" className={button} onClick={() => dispatch({ type: "reset" })}>
        <RotateCcw aria-hidden className="size-3.5" /> Reset
      </button>
      <label className="flex items-center gap-1 text-xs">
        Start at screen
        <select
          aria-label="Start at screen"
          value={chosen}
          onChange={(event) => setTarget(event.target.value)}
          className="rounded border border-neutral-300 bg-transparent px-1 py-1 text-xs dark:border-neutral-700"
        >
          {screenIds.map((id) => (
            <option key={id} value={id}>
              {id}
              {id === currentScreen ? " (current)" : ""}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        className={button}
        disabled={!chosen}
        onClick={() => dispatch({ type: "start-at-screen", screenId: chosen })}
      >
        Go
      </button>
      <button
        type="button"
        className={button}
        aria-pressed={theme === "dark"}
        onClick={() => onThemeChange(theme === "dark" ? "light" : "dark")}
      >
        {theme === "dark" ? (
          <Sun aria-hidden className="size-3.5" />
        ) : (
          <Moon aria-hidden className="size-3.5" />
        )}
        {theme === "dark" ? "Light phone" : "Dark phone"}
      </button>
    </div>
  );
}
