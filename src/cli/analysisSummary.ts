/**
 * The readable summary `vfm analyse` prints without --json: a headline table with each test's
 * RAG status in words, then the overtime, business-support, procurement and savings tables, then
 * the findings. Plain text, no colour (status is always in words).
 */
import {
  Analysis,
  findingPlace,
  formatFte,
  formatMoney,
  formatPercent,
  formatYear,
  areaStatus,
  countOf,
  countWord,
  formatDate,
  goOnLower,
  MoneyUnit,
  overtimeBasisWords,
  Pence,
  procurementCategoryLabel,
  RagStatus,
  SAVINGS_AREAS,
  savingsAreaLabel,
} from "../core";

/** Columns padded to their widest cell; numbers (right: true) aligned right. */
export function textTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  right: readonly boolean[] = []
): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (right[i] ? c.padStart(widths[i]) : c.padEnd(widths[i])))
      .join("  ")
      .trimEnd();
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

const status = (r: RagStatus) => r.words.toUpperCase();

/** How many findings of each severity, in words. */
function findingCounts(a: Analysis): string {
  const n = (s: string) => a.findings.filter((f) => f.severity === s).length;
  return `${countOf(n("error"), "error")}, ${countOf(n("warning"), "warning")} and ${countWord(n("info"))} for information`;
}

export interface SummaryOptions {
  /** Findings listed in full up to this many (the rest are counted). */
  readonly maxFindings?: number;
  /** Procurement lines listed up to this many, largest spend first. */
  readonly maxOpportunities?: number;
}

export function analysisSummary(a: Analysis, options: SummaryOptions = {}): string {
  const unit: MoneyUnit = a.unit ?? "£";
  const money = (p: Pence | null | undefined) =>
    p === null || p === undefined ? "-" : formatMoney(p, unit);
  const pct = (r: number | null | undefined) =>
    r === null || r === undefined ? "-" : formatPercent(r);
  const ot = a.overtime;
  const bs = a.businessSupport;
  const pr = a.procurement;
  const sv = a.savings;
  const out: string[] = [];

  out.push(`${a.force.value}: value for money analysis`);
  out.push(
    `Years ${a.years.length ? `${formatYear(a.years[0])} to ${formatYear(a.years[a.years.length - 1])}` : "none"}; baseline ${formatYear(a.baselineYear)}; target ${formatYear(a.targetYear)}${a.unit ? `; amounts stated in ${a.unit}` : ""}.`
  );
  out.push("");

  const lastOt = [...ot.byYear].reverse().find((y) => y.ratio !== null);
  const lastBs = bs.byYear.find((y) => y.year === bs.assessedYear);
  out.push(
    textTable(
      ["Test", "Latest figure", "Threshold", "Status", "Why"],
      [
        [
          "Overtime",
          lastOt
            ? `${pct(lastOt.ratio?.value)} in ${formatYear(lastOt.year)}${lastOt.confidence === "unconfirmed" ? " (unconfirmed)" : ""}`
            : "-",
          `${pct(ot.threshold)} of paybill`,
          status(ot.rag),
          ot.rag.rule,
        ],
        [
          "Business support",
          lastBs
            ? `${pct(lastBs.ratio?.value)} in ${formatYear(lastBs.year)}${lastBs.confidence === "unconfirmed" ? " (unconfirmed)" : ""}`
            : "-",
          `below ${pct(bs.threshold)}`,
          status(bs.rag),
          bs.rag.rule,
        ],
        [
          "Procurement",
          pr.onFrameworkShare === null ? "-" : `${pct(pr.onFrameworkShare)} on frameworks`,
          "national frameworks",
          status(pr.rag),
          pr.rag.rule,
        ],
        [
          "Savings plan",
          `${money(sv.total.cashable.planned.value)} cashable planned`,
          "plan",
          status(sv.rag),
          sv.rag.rule,
        ],
      ]
    )
  );
  out.push("");

  out.push(`Overtime (${overtimeBasisWords(ot.basis)}; paragraphs 5.9-5.10)`);
  if (ot.byYear.length === 0) out.push("No overtime figures found.");
  else {
    const req = new Map(ot.requiredByYear.map((r) => [r.year, r]));
    out.push(
      textTable(
        ["Year", "Overtime", "Paybill", "Ratio", "Position", "Required maximum", "Met"],
        ot.byYear.map((y) => {
          const r = req.get(y.year);
          return [
            formatYear(y.year),
            money(y.overtime.value),
            money(y.paybill.value),
            y.confidence === "unconfirmed"
              ? `${pct(y.ratio?.value)} (unconfirmed)`
              : pct(y.ratio?.value),
            y.confidence === "unconfirmed"
              ? `not assessed: ${money(y.doubtfulAmount.value)} unconfirmed`
              : y.status === "above"
                ? "above threshold"
                : y.status === "atOrBelow"
                  ? "at or below"
                  : "unknown",
            r ? money(r.maximum.value) : "-",
            r ? (r.met === null ? "-" : r.met ? "yes" : "NO") : "-",
          ];
        }),
        [false, true, true, true, false, true, false]
      )
    );
    const seen = new Set<string>();
    for (const y of ot.byYear)
      for (const d of y.doubts) {
        const at = `${d.cell.sheet}!${d.cell.address}`;
        if (seen.has(at)) continue;
        seen.add(at);
        out.push(
          `In ${formatYear(y.year)}, "${d.label}" at ${at} (${money(d.amount)}): ${d.reason}; to confirm, ${d.correction}.`
        );
      }
    const projected = ot.requiredByYear.filter((r) => r.overtime === null);
    if (projected.length > 0)
      out.push(
        `Required maximum for years without figures: ${projected.map((r) => `${formatYear(r.year)} ${money(r.maximum.value)}`).join(", ")}.`
      );
    out.push(
      `Years above the required maximum: ${ot.yearsMissed.length ? ot.yearsMissed.map(formatYear).join(", ") : "none"}.`
    );
    out.push(
      `First year at or below ${pct(ot.threshold)}: ${ot.yearThresholdReached !== null ? formatYear(ot.yearThresholdReached) : `none by ${formatYear(ot.targetYear)}`}.`
    );
    if (ot.nationalShare)
      out.push(
        `Pro-rata share of the national overtime reduction: ${money(ot.nationalShare.value)} (baseline overtime x ${formatPercent(ot.nationalShareFraction)}).`
      );
  }
  out.push("");

  out.push("Business support (IT excluded; paragraphs 5.46-5.51)");
  if (bs.byYear.length === 0) out.push("No workforce figures found.");
  else {
    out.push(
      textTable(
        ["Year", "Support FTE", "Workforce FTE", "Share", "Position"],
        bs.byYear.map((y) => [
          formatYear(y.year),
          formatFte(y.supportFte.value),
          formatFte(y.totalFte.value),
          y.confidence === "unconfirmed"
            ? `${pct(y.ratio?.value)} (unconfirmed)`
            : pct(y.ratio?.value),
          y.confidence === "unconfirmed"
            ? `not assessed: ${formatFte(y.unclassifiedFte.value)} FTE unconfirmed`
            : y.status === "above"
              ? "at or above threshold"
              : y.status === "atOrBelow"
                ? "below"
                : "unknown",
        ]),
        [false, true, true, true, false]
      )
    );
    for (const y of bs.byYear)
      for (const d of y.doubts)
        out.push(
          `In ${formatYear(y.year)}, "${d.label}" at ${d.cell.sheet}!${d.cell.address} (${formatFte(d.fte)} FTE): ${d.reason}; to confirm, ${d.correction}.`
        );
    const measured = bs.byYear.find((y) => y.year === bs.assessedYear);
    if (measured && measured.confidence === "unconfirmed")
      out.push(
        `FTE above ${pct(bs.threshold)} in ${formatYear(measured.year)} and the saving: not given until the share is confirmed (it depends on ${formatFte(measured.unclassifiedFte.value)} FTE not yet classified or placed).`
      );
    else if (bs.excessFte && bs.assessedYear !== null)
      out.push(
        `FTE above ${pct(bs.threshold)} in ${formatYear(bs.assessedYear)}: ${formatFte(bs.excessFte.value)}` +
          (bs.cashableSaving && bs.averageCost
            ? `; cashable saving ${money(bs.cashableSaving.value)} at ${money(bs.averageCost.value)} per FTE (${bs.averageCost.method === "input" ? "average cost given in the settings" : "police staff pay / staff FTE"}).`
            : "; no average cost per FTE to value it.")
      );
  }
  out.push("");

  out.push("Procurement (national frameworks; paragraphs 5.31-5.40)");
  out.push(
    `Spend in national-approach categories ${money(pr.addressableSpend.value)}, of which through national frameworks ${money(pr.onFrameworkSpend.value)} (${pct(pr.onFrameworkShare)}). Expected yearly saving from moving the rest: ${money(pr.expectedAnnualSaving.value)}${pr.spendWithoutRate.value ? `, plus ${money(pr.spendWithoutRate.value)} of spend with no stated rate` : ""}.`
  );
  if (pr.byCategory.length > 0)
    out.push(
      textTable(
        ["Category", "Spend", "On frameworks", "Share", "Rate", "Yearly saving"],
        pr.byCategory.map((c) => [
          procurementCategoryLabel(c.category),
          money(c.spend.value),
          money(c.onFrameworkSpend.value),
          pct(c.onFrameworkShare),
          c.rate === null ? "none stated" : pct(c.rate),
          c.annualSaving ? money(c.annualSaving.value) : "-",
        ]),
        [false, true, true, true, true, true]
      )
    );
  const maxOpp = options.maxOpportunities ?? 15;
  if (pr.opportunities.length > 0) {
    const top = [...pr.opportunities]
      .sort((x, y) => y.spend.value - x.spend.value)
      .slice(0, maxOpp);
    out.push(
      `Lines to move to a national approach${pr.opportunities.length > top.length ? ` (largest ${top.length} of ${pr.opportunities.length})` : ""}:`
    );
    out.push(
      textTable(
        ["Category", "Supplier", "Spend", "Migrate by", "Yearly saving"],
        top.map((o) => [
          procurementCategoryLabel(o.category),
          o.supplier ?? "",
          money(o.spend.value),
          formatDate(o.migrateBy),
          o.annualSaving ? money(o.annualSaving.value) : "local estimate needed",
        ]),
        [false, false, true, false, true]
      )
    );
  }
  out.push("");

  out.push("Savings plan (the statement's nine areas; paragraph 5.53)");
  out.push(
    textTable(
      [
        "Area",
        "Cashable planned",
        "Actual",
        "Variance",
        "Non-cashable planned",
        "Actual",
        "Status",
      ],
      SAVINGS_AREAS.map((area) => {
        const s = sv.byArea.find((x) => x.area === area);
        const label = savingsAreaLabel(area);
        const name = label[0].toUpperCase() + label.slice(1);
        // The area's one status (the core's areaStatus); "*" where it is the weaker of two tests.
        const st = areaStatus(a, area);
        const words = st.tests.length > 1 ? `${st.words} *` : st.words;
        if (!s) return [name, "-", "-", "-", "-", "-", words];
        return [
          name,
          money(s.cashable.planned.value),
          money(s.cashable.actual?.value),
          money(s.cashable.variance?.value),
          money(s.nonCashable.planned.value),
          money(s.nonCashable.actual?.value),
          words,
        ];
      }).concat([
        [
          "Total",
          money(sv.total.cashable.planned.value),
          money(sv.total.cashable.actual?.value),
          money(sv.total.cashable.variance?.value),
          money(sv.total.nonCashable.planned.value),
          money(sv.total.nonCashable.actual?.value),
          sv.rag.words,
        ],
      ]),
      [false, true, true, true, true, true, false]
    )
  );
  out.push(
    ...SAVINGS_AREAS.map((area) => areaStatus(a, area))
      .filter((st) => st.tests.length > 1)
      .map((st) => {
        const label = savingsAreaLabel(st.area);
        return `* ${label[0].toUpperCase()}${label.slice(1)}: ${goOnLower(st.rule)}`;
      })
  );
  out.push("");

  if (a.indicators.length > 0) {
    out.push("Your indicators");
    const years = a.years;
    out.push(
      textTable(
        ["Indicator", ...years.map(formatYear)],
        a.indicators.map((i) => [
          i.name,
          ...years.map((y) => {
            if (i.error) return "error";
            const v = i.byYear.find((x) => x.year === y)?.value;
            return v === null || v === undefined ? "-" : String(+v.toPrecision(6));
          }),
        ]),
        [false, ...years.map(() => true)]
      )
    );
    out.push("");
  }

  const turning = a.readings.filter((r) => r.turnsOnIt);
  if (turning.length > 0) {
    out.push("Readings the White Paper leaves open that change a verdict here (settings)");
    for (const r of turning) {
      out.push(`${r.label} (${r.whitePaperWords}):`);
      for (const o of r.options) out.push(`  ${o.inUse ? "* " : "  "}${o.label}: ${o.verdict}`);
    }
    out.push("* the reading in use; change it with --policy FILE or the Settings sheet.");
    out.push("");
  }

  out.push(`Findings: ${findingCounts(a)}.`);
  const max = options.maxFindings ?? 30;
  for (const f of a.findings.slice(0, max))
    out.push(`  ${f.severity.padEnd(7)} ${(findingPlace(f) ?? "").padEnd(16)} ${f.message}`);
  if (a.findings.length > max)
    out.push(`  ... and ${a.findings.length - max} more (use --json for all of them).`);
  return out.join("\n") + "\n";
}
