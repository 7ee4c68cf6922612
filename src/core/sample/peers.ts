/**
 * The sample's peers sheet: Exampleshire Constabulary (a fictional force) beside the 43 real
 * territorial forces, with synthetic figures. The force names are real; every figure is made up
 * by a seeded generator, and the sheet says so in its second row. No real per-force figures are
 * shipped (vfm-policy.md, "The 43 forces").
 *
 * The sheet exercises what detection must read: title rows above the header, percentages stored
 * both ways (overtime as 5.9 under a "%" header; business support and frameworks as 0.059 with a
 * percentage format), a most similar group separated by semicolons, City of London with no group,
 * a population column to weight by and a notes column.
 */
import { CellValue, SheetGrid } from "../grid";
import { FORCES } from "../forces";
import { PeersTemplateOptions, TEMPLATE_LAYOUT, peersTemplateSheet } from "../template";

export const SAMPLE_FORCE = "Exampleshire Constabulary";

/** The label every sample peers sheet carries. */
export const ILLUSTRATIVE_LABEL = "Illustrative figures, not real force data";

/** Exampleshire's synthetic group: seven real forces, chosen for the example only. */
export const EXAMPLESHIRE_GROUP: readonly string[] = [
  "Derbyshire Constabulary",
  "Nottinghamshire Police",
  "Staffordshire Police",
  "Leicestershire Police",
  "Northamptonshire Police",
  "Cheshire Constabulary",
  "Avon and Somerset Constabulary",
];

/** One row of synthetic figures. */
export interface SamplePeerFigures {
  readonly name: string;
  readonly group: string;
  /** Percentage points, e.g. 5.9 for 5.9%. */
  readonly overtimePoints: number;
  /** Fraction, e.g. 0.081. */
  readonly businessSupport: number;
  /** Pounds per resident. */
  readonly nrePerHead: number;
  readonly officersPer1000: number;
  /** Fraction. */
  readonly frameworks: number;
  readonly population: number;
  readonly notes: string;
}

/**
 * Exampleshire's own figures: above 4% overtime and above 7% business support, as the rest of the
 * sample is, so the benchmark shows a gap to close.
 */
export const EXAMPLESHIRE_FIGURES: SamplePeerFigures = {
  name: SAMPLE_FORCE,
  group: EXAMPLESHIRE_GROUP.join("; "),
  overtimePoints: 5.8,
  businessSupport: 0.084,
  nrePerHead: 196.4,
  officersPer1000: 1.98,
  frameworks: 0.31,
  population: 1_180_000,
  notes: "The force's own row (illustrative)",
};

/** A small seeded generator (mulberry32), so the sample is the same on every build. */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function round(x: number, places: number): number {
  const f = 10 ** places;
  return Math.round(x * f) / f;
}

/** The synthetic figures for every row, Exampleshire first, then the 43 forces alphabetically. */
export function samplePeerFigures(): SamplePeerFigures[] {
  const next = generator(20091208);
  const rows: SamplePeerFigures[] = [EXAMPLESHIRE_FIGURES];
  for (const f of FORCES) {
    const city = f.id === "city-of-london";
    const met = f.id === "metropolitan";
    // Ranges chosen to look like a spread of forces; the support range follows the 6.4% to 13.0%
    // spread the White Paper reports across forces (5.46-5.51). None is any force's real figure.
    const overtimePoints = round(3.1 + next() * 4.2, 1);
    const businessSupport = round(0.064 + next() * 0.066, 3);
    const nrePerHead = round(
      city ? 850 + next() * 200 : met ? 300 + next() * 40 : 160 + next() * 70,
      1
    );
    const officersPer1000 = round(
      city ? 60 + next() * 20 : met ? 4 + next() * 0.6 : 1.6 + next() * 0.9,
      2
    );
    const frameworks = round(0.18 + next() * 0.55, 2);
    const population = city
      ? 10_000
      : met
        ? 7_500_000
        : Math.round((450_000 + next() * 2_300_000) / 10_000) * 10_000;
    rows.push({
      name: f.name,
      group: city ? "None" : "",
      overtimePoints,
      businessSupport,
      nrePerHead,
      officersPer1000,
      frameworks,
      population,
      notes: city ? "No most similar group" : "",
    });
  }
  return rows;
}

/** The free-form sheet's header row (row 4). */
export const SAMPLE_PEERS_HEADERS = [
  "Force",
  "Most similar forces (MSG)",
  "Overtime as % of paybill",
  "Business support staff % of workforce",
  "Net revenue expenditure per head of population (£)",
  "Police officers per 1,000 population",
  "Non-pay spend through national frameworks",
  "Population",
  "Notes",
] as const;

/**
 * The sample's peers sheet as the force might keep it (free form): a title, the illustrative
 * label, a blank row, the header row and one row per force.
 */
function freeFormSheet(): SheetGrid {
  const rows = samplePeerFigures();
  const values: CellValue[][] = [
    ["Exampleshire Constabulary: comparison with other forces, 2009/10"],
    [`${ILLUSTRATIVE_LABEL}. The force names are real; every figure on this sheet is synthetic.`],
    [],
    [...SAMPLE_PEERS_HEADERS],
  ];
  const formats: (string | undefined)[][] = [[], [], [], []];
  for (const r of rows) {
    values.push([
      r.name,
      r.group || null,
      r.overtimePoints,
      r.businessSupport,
      r.nrePerHead,
      r.officersPer1000,
      r.frameworks,
      r.population,
      r.notes || null,
    ]);
    formats.push([
      undefined,
      undefined,
      "0.0",
      "0.0%",
      "#,##0.0",
      "0.00",
      "0%",
      "#,##0",
      undefined,
    ]);
  }
  values.push([]);
  values.push(["Source: synthetic figures generated for the Exampleshire sample."]);
  return {
    name: "Peers",
    values,
    numberFormats: formats,
    merges: [{ top: 0, left: 0, bottom: 0, right: 8 }],
  };
}

/**
 * The same figures in the add-in's Peers template (peersTemplateSheet), as if the user had typed
 * them in: percentages as fractions with the template's percentage format.
 */
function templateSheet(): SheetGrid {
  const options: PeersTemplateOptions = { forceName: SAMPLE_FORCE };
  const plan = peersTemplateSheet(options);
  const values: CellValue[][] = [];
  const formats: (string | undefined)[][] = [];
  for (const b of plan.blocks)
    b.values.forEach((row, i) => {
      const r = b.top + i;
      values[r] = values[r] ?? [];
      formats[r] = formats[r] ?? [];
      row.forEach((v, j) => {
        values[r][b.left + j] = v;
        formats[r][b.left + j] = b.numberFormats?.[i]?.[j];
      });
    });
  const byName = new Map(samplePeerFigures().map((f) => [f.name, f]));
  const headerRow = TEMPLATE_LAYOUT.headerRow;
  for (let r = headerRow + 1; r < values.length; r++) {
    const f = byName.get(String(values[r][0]));
    if (!f) continue;
    values[r] = [
      f.name,
      f.group || null,
      round(f.overtimePoints / 100, 4),
      f.businessSupport,
      f.nrePerHead,
      f.officersPer1000,
      f.frameworks,
      f.population,
      f.notes || null,
    ];
  }
  values.splice(headerRow + 1 + byName.size);
  values[TEMPLATE_LAYOUT.noteRow] = [
    `${ILLUSTRATIVE_LABEL}. The force names are real; every figure on this sheet is synthetic.`,
  ];
  // Rows and cells the plan left out are empty.
  const dense = Array.from(values, (row) => Array.from(row ?? [], (v) => v ?? null));
  const denseFormats = Array.from(dense, (_, r) => Array.from(formats[r] ?? [], (f) => f));
  return { name: plan.name, values: dense, numberFormats: denseFormats };
}

/**
 * The sample's peers sheet, labelled "Illustrative figures, not real force data". The free form
 * is the one the bundled sample carries; the template form holds the same figures in the add-in's
 * own layout, and both give the same benchmark.
 */
export function exampleshirePeersSheet(form: "freeForm" | "template" = "freeForm"): SheetGrid {
  return form === "template" ? templateSheet() : freeFormSheet();
}
