/**
 * Thresholds as the White Paper states them: "4%", "7%" (a whole percentage keeps no ".0";
 * any other keeps one decimal place, "6.5%"). Every other percentage in the statement has one
 * decimal place (format.ts).
 */
import { formatPercent } from "../format";

export function thresholdText(fraction: number): string {
  return formatPercent(fraction).replace(/\.0%$/, "%");
}
