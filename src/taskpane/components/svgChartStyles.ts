import { makeStyles, tokens } from "@fluentui/react-components";

/** In Windows high contrast (forced colours) the charts keep their marks, in system colours. */
export const FORCED = "@media (forced-colors: active)";

/** What the pane's SVG charts share: the drawing, its axis, its grid lines and its labels. */
export const useSvgChartStyles = makeStyles({
  svg: {
    display: "block",
    width: "100%",
    height: "auto",
    maxWidth: "480px",
    [FORCED]: { forcedColorAdjust: "none" },
  },
  axis: {
    stroke: tokens.colorNeutralForeground2,
    strokeWidth: 1,
    [FORCED]: { stroke: "CanvasText" },
  },
  grid: {
    stroke: tokens.colorNeutralStroke2,
    strokeWidth: 1,
    strokeDasharray: "2 3",
    [FORCED]: { stroke: "GrayText" },
  },
  text: {
    fill: tokens.colorNeutralForeground1,
    fontSize: "10px",
    [FORCED]: { fill: "CanvasText" },
  },
});
