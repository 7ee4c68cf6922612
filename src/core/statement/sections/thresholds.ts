/**
 * Thresholds as the White Paper states them: "4%", "7%" (a whole percentage keeps no ".0";
 * any other keeps one decimal place, "6.5%"). Every other percentage in the statement has one
 * decimal place (format.ts).
 */
import { DisplayFigure } from "../model";
import { formatPercent, percentFigure } from "../format";

export function thresholdText(fraction: number): string {
  return formatPercent(fraction).replace(/\.0%$/, "%");
}

/** A policy threshold as a figure: "4%" with the Excel format "0%" (or "6.5%" with "0.0%"). */
export function thresholdFigure(fraction: number): DisplayFigure {
  const text = thresholdText(fraction);
  return { ...percentFigure(fraction), text, numberFormat: text.includes(".") ? "0.0%" : "0%" };
}
