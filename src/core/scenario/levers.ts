/**
 * Levers as people type them, read once for the command line and the task pane alike: a rate
 * ("7.5%" or "0.075"), a cut in pounds ("£250,000", "£0.25m"), a year ("2012/13" or 2012), FTE
 * removed by year ("5@2010/11, 7.5@2012/13"). Reading never throws: a value that cannot be read
 * gives the reason in words. A value that reads but is out of range (a cut of 100%) is left to
 * the model, which answers it with a finding.
 */
import { toPence } from "../money";
import { FinancialYear, parseYearKey } from "../years";
import { SupportRemoval } from "./types";

export type Read<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly why: string };

const bad = <T>(why: string): Read<T> => ({ ok: false, why });

/** "7.5%" -> 0.075; "0.075" -> 0.075; a bare number above 1 is taken as a mistake. */
export function readRate(text: string): Read<number> {
  const m = /^\s*([+-]?\d+(?:\.\d+)?)\s*(%?)\s*$/.exec(text);
  if (!m) return bad("write a percentage such as 5% or a fraction such as 0.05");
  const n = Number(m[1]);
  if (!m[2] && Math.abs(n) > 1)
    return bad(`write ${n}% with the % sign, or ${n / 100} as a fraction`);
  return { ok: true, value: m[2] ? Number((n / 100).toPrecision(12)) : n };
}

/** "£250,000", "250000", "£0.25m", "£250k" -> pence. */
export function readPounds(text: string): Read<number> {
  const m = /^\s*£?\s*([+-]?[\d,]*\.?\d+)\s*(m|k|million|thousand)?\s*$/i.exec(text);
  if (!m) return bad("write an amount in pounds such as £250,000 or £0.25m");
  const n = Number(m[1].replace(/,/g, ""));
  if (!Number.isFinite(n)) return bad("write an amount in pounds such as £250,000");
  const unit = m[2]?.toLowerCase();
  return {
    ok: true,
    value:
      unit === "m" || unit === "million"
        ? toPence(n, "£m")
        : unit === "k" || unit === "thousand"
          ? toPence(n, "£000")
          : toPence(n),
  };
}

/** A yearly overtime cut: "£..." is an amount, anything else a rate. */
export function readCut(
  text: string
): Read<{ kind: "rate"; rate: number } | { kind: "amount"; amount: number }> {
  if (/£|\d\s*(m|k)\s*$/i.test(text)) {
    const p = readPounds(text);
    return p.ok ? { ok: true, value: { kind: "amount", amount: p.value } } : p;
  }
  const r = readRate(text);
  return r.ok ? { ok: true, value: { kind: "rate", rate: r.value } } : r;
}

/** "2012/13", "2012-13" or "2012" (the year it starts) -> 2012. */
export function readYear(text: string): Read<FinancialYear> {
  const t = text.trim().replace("-", "/");
  const y = parseYearKey(t) ?? (/^\d{4}$/.test(t) ? Number(t) : undefined);
  if (y === undefined || y < 1990 || y > 2100)
    return bad('write a financial year such as "2012/13"');
  return { ok: true, value: y };
}

/** "5@2010/11, 7.5@2012/13" -> removals. */
export function readRemovals(text: string): Read<SupportRemoval[]> {
  const parts = text
    .split(/[,;]/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
  if (parts.length === 0)
    return bad('write the FTE and the year, such as "5@2010/11, 7.5@2012/13"');
  const out: SupportRemoval[] = [];
  for (const p of parts) {
    const m = /^([+-]?\d+(?:\.\d+)?)\s*(?:fte)?\s*@\s*(.+)$/i.exec(p);
    if (!m) return bad(`"${p}" is not FTE@YEAR; write it such as 5@2010/11`);
    const y = readYear(m[2]);
    if (!y.ok) return bad(`"${p}": ${y.why}`);
    out.push({ year: y.value, fte: Number(m[1]) });
  }
  return { ok: true, value: out };
}
