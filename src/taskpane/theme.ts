import {
  Theme,
  teamsHighContrastTheme,
  webDarkTheme,
  webLightTheme,
} from "@fluentui/react-components";

export type ThemeName = "light" | "dark" | "highContrast";

/** Luminance of a "#RRGGBB" colour, 0 (black) to 1 (white). */
function luminance(hex: string): number {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
  if (!m) return 1;
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => parseInt(h, 16) / 255);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Follows Office's theme: dark when Office's body background is dark, high contrast when the OS asks for it. */
export function officeThemeName(): ThemeName {
  if (typeof window !== "undefined" && window.matchMedia?.("(forced-colors: active)").matches)
    return "highContrast";
  try {
    const theme = Office.context?.officeTheme;
    if (theme?.bodyBackgroundColor)
      return luminance(theme.bodyBackgroundColor) < 0.4 ? "dark" : "light";
  } catch {
    // Outside Office (the preview) there is no Office theme.
  }
  if (typeof window !== "undefined" && window.matchMedia?.("(prefers-color-scheme: dark)").matches)
    return "dark";
  return "light";
}

export function fluentTheme(name: ThemeName): Theme {
  return name === "dark"
    ? webDarkTheme
    : name === "highContrast"
      ? teamsHighContrastTheme
      : webLightTheme;
}
