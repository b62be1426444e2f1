import type { CSSProperties } from "react";

export type PhoneTheme = "light" | "dark";

// WhatsApp's Flow sheet colours, scoped to the phone so the portal's own theme does not leak in.
const THEMES: Record<PhoneTheme, Record<string, string>> = {
  light: {
    "--wa-bg": "#ffffff",
    "--wa-surface": "#f7f8fa",
    "--wa-fg": "#111b21",
    "--wa-muted": "#667781",
    "--wa-border": "#d1d7db",
    "--wa-accent": "#1daa61",
    "--wa-accent-fg": "#ffffff",
    "--wa-accent-soft": "#d9fdd3",
    "--wa-disabled": "#e9edef",
    "--wa-disabled-fg": "#8696a0",
    "--wa-error": "#ea0038",
    "--wa-link": "#008069",
    "--wa-chat": "#efeae2",
    "--wa-bubble": "#d9fdd3",
  },
  dark: {
    "--wa-bg": "#111b21",
    "--wa-surface": "#1f2c33",
    "--wa-fg": "#e9edef",
    "--wa-muted": "#8696a0",
    "--wa-border": "#37404a",
    "--wa-accent": "#21c063",
    "--wa-accent-fg": "#0b141a",
    "--wa-accent-soft": "#103529",
    "--wa-disabled": "#2a3942",
    "--wa-disabled-fg": "#667781",
    "--wa-error": "#f15c6d",
    "--wa-link": "#21c063",
    "--wa-chat": "#0b141a",
    "--wa-bubble": "#005c4b",
  },
};

export function phoneThemeStyle(theme: PhoneTheme): CSSProperties {
  return THEMES[theme] as CSSProperties;
}
