/**
 * Policy thresholds as figures: written as set ("4%", "7%", "6.5%"; format.ts
 * formatPolicyPercent), with the Excel format that shows the same digits.
 */
import { DisplayFigure } from "../model";
import { percentFigure } from "../format";
import { formatPolicyPercent, policyPercentFormat } from "../../format";

/** A policy threshold as a figure: "4%" with the Excel format "0%" (or "6.5%" with "0.0%"). */
export function thresholdFigure(fraction: number): DisplayFigure {
  return {
    ...percentFigure(fraction),
    text: formatPolicyPercent(fraction),
    numberFormat: policyPercentFormat(fraction),
  };
}
