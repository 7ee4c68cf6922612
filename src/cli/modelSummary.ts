/**
 * The readable summary `vfm model` prints without --json: for each part of the scenario, the
 * levers and settings it used, the figures by year (kept or modelled), the year the threshold is
 * reached and the saving; then the findings. Plain text, status in words.
 */
import {
  findingPlace,
  formatDate,
  formatFte,
  formatMoney,
  formatPercent,
  formatPolicyPercent,
  formatYear,
  MoneyUnit,
  Pence,
  procurementCategoryLabel,
  ScenarioResult,
} from "../core";
import { textTable } from "./analysisSummary";

const FROM_WORDS = {
  latestActual: "the latest year marked actual",
  baseline: "the baseline, as no year is marked actual",
  firstYear: "the first year with figures",
  chosen: "the year chosen",
} as const;

/** How a finding's severity is written for the reader (its code is for --json only). */
const SEVERITY_WORDS = { error: "Error", warning: "Warning", info: "Note" } as const;

export function modelSummary(r: ScenarioResult, force: string, unit: MoneyUnit = "£"): string {
  const money = (p: Pence | null | undefined) =>
    p === null || p === undefined ? "-" : formatMoney(p, unit);
  const pct = (v: number | null | undefined) =>
    v === null || v === undefined ? "-" : formatPercent(v);
  const fte = (v: number) => formatFte(v, 2);
  const out: string[] = [`${force}: scenario "${r.name}"`, ""];

  const o = r.overtime;
  out.push("Overtime");
  if (!o) out.push("  Not modelled: see the findings below.");
  else {
    const cut =
      o.yearlyCutAmount !== null
        ? `${money(o.yearlyCutAmount)} a year`
        : `${formatPolicyPercent(o.yearlyCut ?? 0)} a year`;
    out.push(
      `  Yearly cut ${cut}${o.solvedFor !== null ? ` (the smallest, in hundredths of a percent, reaching the threshold by ${formatYear(o.solvedFor)})` : ""}, from ${formatYear(o.from)} (${FROM_WORDS[o.fromReason]}).`
    );
    out.push(`  Settings: ${o.settings.map((s) => `${s.label} ${s.value}`).join("; ")}.`);
    out.push(
      textTable(
        [
          "Year",
          "Overtime",
          "Paybill",
          "Ratio",
          "Status",
          "Figures",
          "Most allowed",
          "Saved on baseline",
        ],
        o.byYear.map((y) => {
          const req = o.requiredPath.find((p) => p.year === y.year);
          const saved = o.savingsAgainstBaseline.find((s) => s.year === y.year);
          return [
            formatYear(y.year),
            money(y.overtime.value),
            money(y.paybill.value),
            pct(y.ratio?.value),
            y.status === "atOrBelow" ? "at or below" : y.status === "above" ? "above" : "unknown",
            `${y.overtimeFrom === "kept" ? "workbook" : "modelled"}${y.payFrom === "projected" ? ", pay projected" : ""}`,
            req ? money(req.maximum.value) : "",
            saved ? money(saved.saving.value) : "",
          ];
        }),
        [false, true, true, true, false, false, true, true]
      )
        .split("\n")
        .map((l) => `  ${l}`)
        .join("\n")
    );
    out.push(
      o.yearThresholdReached !== null
        ? `  Threshold reached in ${formatYear(o.yearThresholdReached)}.`
        : "  Threshold not reached in the years modelled."
    );
  }
  out.push("");

  const b = r.businessSupport;
  out.push("Business support");
  if (!b) out.push("  Not modelled: see the findings below.");
  else {
    out.push(
      `  ${b.removeFte.length > 0 ? `Posts removed: ${b.removeFte.map((x) => `${fte(x.fte)} FTE in ${formatYear(x.year)}`).join(", ")}` : "No posts removed"}${b.solvedFor !== null ? ` (the fewest, to the hundredth of an FTE, to get below ${pct(b.share)} by ${formatYear(b.solvedFor)}, spread evenly)` : ""}; from ${formatYear(b.from)}.`
    );
    out.push(`  Settings: ${b.settings.map((s) => `${s.label} ${s.value}`).join("; ")}.`);
    out.push(
      textTable(
        ["Year", "Support FTE", "Workforce FTE", "Share", "Status", "Removed FTE", "Saving"],
        b.byYear.map((y) => [
          formatYear(y.year),
          fte(y.supportFte.value),
          fte(y.totalFte.value),
          pct(y.ratio?.value),
          y.status === "atOrBelow"
            ? `below ${pct(b.share)}`
            : y.status === "above"
              ? "not below"
              : "unknown",
          fte(y.removedFte),
          y.saving ? money(y.saving.value) : y.from === "kept" ? "" : "-",
        ]),
        [false, true, true, true, false, true, true]
      )
        .split("\n")
        .map((l) => `  ${l}`)
        .join("\n")
    );
    out.push(
      `  ${b.yearShareReached !== null ? `Below ${pct(b.share)} from ${formatYear(b.yearShareReached)}.` : `Not below ${pct(b.share)} in the years modelled.`} Cashable saving a year: ${b.cashableSaving ? money(b.cashableSaving.value) : "not known (no average cost per support FTE)"}.`
    );
  }
  out.push("");

  const p = r.procurement;
  out.push("Procurement");
  if (!p) out.push("  Not modelled: see the findings below.");
  else if (p.moves.length === 0)
    out.push("  No contract in a national-approach category is left to move.");
  else {
    out.push(
      textTable(
        ["Contract", "Cell", "Spend", "Moves", "Due by", "Rate", "Full-year saving"],
        p.moves.map((m) => [
          `${procurementCategoryLabel(m.category)}${m.supplier ? ` (${m.supplier})` : ""}`,
          m.cell,
          money(m.spend.value),
          `${m.moveDate ? formatDate(m.moveDate) : "does not move"}${m.late ? " (late)" : ""}`,
          formatDate(m.migrateBy),
          m.rate === null
            ? "none"
            : `${formatPolicyPercent(m.rate)}${m.rateFrom === "scenario" ? " (scenario)" : ""}`,
          m.annualSaving ? money(m.annualSaving.value) : "-",
        ]),
        [false, false, true, false, false, true, true]
      )
        .split("\n")
        .map((l) => `  ${l}`)
        .join("\n")
    );
    out.push(
      `  Saving by year: ${p.byYear.map((y) => `${formatYear(y.year)} ${money(y.saving.value)}`).join("; ")}.`
    );
  }
  out.push("");
  if (r.findings.length > 0) {
    out.push("Findings");
    for (const f of r.findings) {
      const place = findingPlace(f);
      out.push(
        `  ${SEVERITY_WORDS[f.severity]}${place ? ` at ${place}` : ""}: ${f.message}${f.fix ? ` ${f.fix}` : ""}`
      );
    }
  }
  return out.join("\n") + "\n";
}
