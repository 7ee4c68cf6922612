/**
 * Properties of detection on every force's real 31 March 2010 figures (hmicData.ts): none of
 * these changes any figure the analysis gives (business support, IT left out, workforce, share,
 * confidence, status; the overtime ratio):
 * - renaming a function, a business-support line or a subtotal to any of the names
 *   core/classifications gives it (the published name or a wording forces use);
 * - splitting each function's FTE into officers and staff, in two columns or two tables;
 * - adding a subtotal of the first lines, labelled as one or not;
 * - adding a breakdown of a function whose lines all count as that function does (the
 *   published investigation and specialist-functions breakdowns, on HMIC's 2010 reading).
 * The base workbook is a function table (FTE as at 31 March 2010), the business-support
 * breakdown below it, and the 2009/10 budget in £000.
 */
import fc from "fast-check";
import { FUNCTION_ENTRIES, FunctionEntry } from "../../../src/core/classifications";
import { CellValue, SheetGrid, WorkbookGrid } from "../../../src/core/grid";
import { runVfm } from "../../../src/core/run";
import { sheetFromRows, workbookOf } from "../../../src/core/sample/gridBuilder";
import {
  ADR_FUNCTIONS,
  AdrFunction,
  BS_BREAKDOWN,
  BsLine,
  ForceFigures,
  hmicForces,
  OTHER_BREAKDOWNS,
  OtherBreakdown,
  otherBreakdowns,
  publishedSupportShare,
} from "./hmicData";

const forces = hmicForces();
type Key =
  AdrFunction | "Local Policing" | "National Functions" | "Not available for duty" | "Total";
const KEYS: readonly Key[] = [
  ...ADR_FUNCTIONS,
  "Local Policing",
  "National Functions",
  "Not available for duty",
  "Total",
];
type Row = (CellValue | undefined)[];

/** The published ADR entry of a name in the return ("Community", "Personnel/HR", ...). */
function adrEntry(name: string, partOf?: string): FunctionEntry {
  const e = FUNCTION_ENTRIES.find(
    (x) =>
      x.source === "adr2010" &&
      x.name.toLowerCase() === name.toLowerCase() &&
      (partOf === undefined || x.partOf === partOf)
  );
  if (!e) throw new Error(`no ADR entry named ${name}`);
  return e;
}

/** Every name the classifications give a line: its published name and its wordings. */
const namesOf = (e: FunctionEntry): string[] => [e.name, ...e.wordings];
const FN_NAMES = new Map<Key, string[]>(KEYS.map((k) => [k, namesOf(adrEntry(k))]));
const BS_NAMES = new Map<BsLine, string[]>(
  BS_BREAKDOWN.map((b) => [b, namesOf(adrEntry(b, "adr.businessSupport"))])
);

interface Spec {
  readonly fn?: Partial<Record<Key, string>>;
  readonly bs?: Partial<Record<BsLine, string>>;
  /** Officers' share of each function's FTE (the rest is staff), in two columns or tables. */
  readonly split?: { readonly officers: Readonly<Record<Key, number>>; readonly tables: boolean };
  /** A row after the first `after` functions giving their sum, under this label. */
  readonly subtotal?: { readonly after: number; readonly label: string };
  /** Breakdowns of other functions after the business-support one, on this sheet or their own. */
  readonly breakdowns?: {
    readonly of: readonly OtherBreakdown[];
    readonly ownSheet: boolean;
    readonly withTotal: boolean;
  };
}

function workbook(f: ForceFigures, spec: Spec = {}): WorkbookGrid {
  const name = (k: Key) => spec.fn?.[k] ?? k;
  const fnRows = (cols: (k: Key) => number[]): Row[] => {
    const rows: Row[] = KEYS.map((k) => [name(k), ...cols(k)]);
    const s = spec.subtotal;
    if (s) {
      const first = ADR_FUNCTIONS.slice(0, s.after);
      const sum = first.map(cols).reduce((a, v) => a.map((x, i) => x + v[i]));
      rows.splice(s.after, 0, [s.label, ...sum]);
    }
    return rows;
  };
  const bsRows: Row[] = [
    ...BS_BREAKDOWN.map((b) => [spec.bs?.[b] ?? b, f.breakdown[b]]),
    ["Total business support", f.breakdown.Total],
  ];
  const other: Row[] = [];
  for (const k of spec.breakdowns?.of ?? []) {
    const lines = otherBreakdowns(f.force)[k];
    other.push([`${k} by unit (FTE)`]);
    other.push(...lines.map(([l, v]) => [l, v]));
    if (spec.breakdowns?.withTotal)
      other.push([`Total ${k.toLowerCase()}`, lines.reduce((a, [, v]) => a + v, 0)]);
  }
  const title = [`${f.force}: workforce by function, FTE as at 31 March 2010`];
  const sheets: SheetGrid[] = [];
  const split = spec.split;
  if (!split) {
    sheets.push(
      sheetFromRows("Workforce", [
        title,
        ["Function", "Total FTE"],
        ...fnRows((k) => [f.total[k]]),
        [],
        ["Business support by department (FTE)"],
        ...bsRows,
        ...(spec.breakdowns && !spec.breakdowns.ownSheet ? [[], ...other] : []),
      ])
    );
  } else {
    const off = (k: Key) => split.officers[k];
    const staff = (k: Key) => f.total[k] - split.officers[k];
    if (split.tables)
      sheets.push(
        sheetFromRows("Officers", [
          title,
          ["Function", "Police officers"],
          ...fnRows((k) => [off(k)]),
        ]),
        sheetFromRows("Staff", [title, ["Function", "Police staff"], ...fnRows((k) => [staff(k)])])
      );
    else
      sheets.push(
        sheetFromRows("Workforce", [
          title,
          ["Function", "Police officers", "Police staff"],
          ...fnRows((k) => [off(k), staff(k)]),
        ])
      );
    sheets.push(
      sheetFromRows("Support breakdown", [
        ["Business support by department, FTE as at 31 March 2010"],
        ["Department", "Total FTE"],
        ...bsRows,
        ...(spec.breakdowns && !spec.breakdowns.ownSheet ? [[], ...other] : []),
      ])
    );
  }
  if (spec.breakdowns?.ownSheet)
    sheets.push(
      sheetFromRows("Operational breakdowns", [
        ["Operational functions by unit, FTE as at 31 March 2010"],
        ["Unit", "Total FTE"],
        ...other,
      ])
    );
  sheets.push(
    sheetFromRows("Budget", [
      [`${f.force}: revenue budget 2009-10 (£000)`],
      ["Subjective analysis", "2009/10 estimate"],
      ["Police Officers - Pay (excluding overtime)", f.officerPayExOt],
      ["Police Officers - Overtime", f.officerOvertime],
      ["Staff salaries exc. OT", f.staffPayExOt],
      ["Police staff overtime", f.staffOvertime],
    ])
  );
  return workbookOf(...sheets);
}

/** The figures that must not change. */
function figures(wb: WorkbookGrid) {
  const a = runVfm(wb).analysis;
  const y = a.businessSupport.byYear.find((b) => b.year === 2009);
  return {
    supportFte: y?.supportFte.value,
    excludedFte: y?.excludedFte.value,
    totalFte: y?.totalFte.value,
    share: y?.ratio?.value,
    confidence: y?.confidence,
    status: y?.status,
    overtime: a.overtime.byYear.find((b) => b.year === 2009)?.ratio?.value,
  };
}

const force = fc.constantFrom(...forces);
const RUNS = { numRuns: 40 };

test("the base workbook gives HMIC's published share for every force", () => {
  for (const f of forces) {
    const got = figures(workbook(f));
    expect([f.force, got.share, got.confidence]).toEqual([
      f.force,
      publishedSupportShare(f),
      "confirmed",
    ]);
    expect(Math.abs((got.overtime ?? 0) - f.overtimeShare)).toBeLessThan(1e-12);
  }
});

test("renaming any line to any of its known names changes no figure", () => {
  const pick = <K extends string>(names: Map<K, string[]>) =>
    fc.record(
      Object.fromEntries([...names].map(([k, v]) => [k, fc.constantFrom(...v)])) as Record<
        K,
        fc.Arbitrary<string>
      >
    );
  fc.assert(
    fc.property(force, pick(FN_NAMES), pick(BS_NAMES), (f, fn, bs) => {
      expect(figures(workbook(f, { fn, bs }))).toEqual(figures(workbook(f)));
    }),
    RUNS
  );
});

test("splitting officers and staff, in two columns or two tables, changes no figure", () => {
  // Each function's officers are any whole number up to its total; the subtotal and totals
  // split as the lines they add up do, so officers + staff is the published figure on every row.
  const split = (f: ForceFigures) =>
    fc
      .record({
        fns: fc.tuple(...ADR_FUNCTIONS.map((k) => fc.integer({ min: 0, max: f.total[k] }))),
        national: fc.integer({ min: 0, max: f.total["National Functions"] }),
        away: fc.integer({ min: 0, max: f.total["Not available for duty"] }),
        tables: fc.boolean(),
      })
      .map(({ fns, national, away, tables }) => {
        const officers = {} as Record<Key, number>;
        ADR_FUNCTIONS.forEach((k, i) => (officers[k] = fns[i]));
        officers["Local Policing"] = fns.reduce((a, x) => a + x, 0);
        officers["National Functions"] = national;
        officers["Not available for duty"] = away;
        officers.Total = officers["Local Policing"] + national + away;
        return { officers, tables };
      });
  fc.assert(
    fc.property(
      force.chain((f) => fc.tuple(fc.constant(f), split(f))),
      ([f, s]) => {
        expect(figures(workbook(f, { split: s }))).toEqual(figures(workbook(f)));
      }
    ),
    RUNS
  );
});

test("adding a subtotal of the first lines, labelled a total or not, changes no figure", () => {
  const label = fc.constantFrom(
    "Sub-total",
    "Total frontline functions",
    "Subtotal: policing",
    "Police functions",
    "Group A"
  );
  fc.assert(
    fc.property(
      force,
      fc.integer({ min: 2, max: ADR_FUNCTIONS.length - 1 }),
      label,
      fc.boolean(),
      (f, after, l, split) => {
        const base: Spec = split
          ? {
              split: {
                officers: Object.fromEntries(KEYS.map((k) => [k, 0])) as Record<Key, number>,
                tables: false,
              },
            }
          : {};
        expect(figures(workbook(f, { ...base, subtotal: { after, label: l } }))).toEqual(
          figures(workbook(f))
        );
      }
    ),
    RUNS
  );
});

test("adding the published investigation or specialist breakdown changes no figure", () => {
  const which = fc.subarray(Object.keys(OTHER_BREAKDOWNS) as OtherBreakdown[], { minLength: 1 });
  fc.assert(
    fc.property(
      force,
      which,
      fc.boolean(),
      fc.boolean(),
      fc.boolean(),
      (f, of, ownSheet, withTotal, split) => {
        const base: Spec = split
          ? {
              split: {
                officers: Object.fromEntries(KEYS.map((k) => [k, f.officers[k]])) as Record<
                  Key,
                  number
                >,
                tables: true,
              },
            }
          : {};
        expect(figures(workbook(f, { ...base, breakdowns: { of, ownSheet, withTotal } }))).toEqual(
          figures(workbook(f, base))
        );
      }
    ),
    RUNS
  );
});
