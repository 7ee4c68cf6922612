/**
 * Writes the bundled sample workbooks from the grids in src/core/sample/exampleshire.ts
 * (`npm run sample`, through scripts/make-sample.mjs):
 * - assets/sample/exampleshire.xlsx: the add-in's input template form, laid out as "Insert input
 *   sheets" writes it (title, help, styled header, Excel table, number formats, frozen header);
 * - assets/sample/exampleshire-freeform.xlsx: as a force might keep its own workbook (merged
 *   titles, a hidden row, notes), with column widths to fit.
 * Both are the force's own sheets, so neither carries the add-in's ownership mark.
 */
import { promises as fs } from "fs";
import * as path from "path";
import {
  exampleshireFreeForm,
  exampleshireTemplate,
  formatAsWritten,
  inputTemplate,
  SheetGrid,
  TEMPLATE_LAYOUT,
  templateSheetPlan,
  WorkbookGrid,
} from "../core";
import { SheetPresentation, sheetFromPlan } from "../xlsx/planSheets";
import { gridToXlsx } from "../xlsx/write";

/** The date written into the files' properties, fixed so a rebuild gives the same content. */
const SAMPLE_DATE = new Date(Date.UTC(2010, 3, 1));

export const SAMPLE_FILES = {
  template: "exampleshire.xlsx",
  freeForm: "exampleshire-freeform.xlsx",
} as const;

/** Each template sheet looks as the input template's own plan draws it, its table over the data. */
export function templatePresentation(workbook: WorkbookGrid): Map<string, SheetPresentation> {
  const looks = new Map<string, SheetPresentation>();
  for (const sheet of workbook.sheets) {
    const t = inputTemplate().find((x) => x.sheet.toLowerCase() === sheet.name.toLowerCase());
    if (!t) continue;
    const look = sheetFromPlan(templateSheetPlan(t), sheet.name).presentation;
    const lastRow = Math.max(TEMPLATE_LAYOUT.headerRow + 1, sheet.values.length - 1);
    looks.set(sheet.name, {
      ...look,
      tables: look.tables?.map((table) => ({
        ...table,
        range: { ...table.range, bottom: lastRow },
      })),
    });
  }
  return looks;
}

function displayLength(v: unknown): number {
  if (v === null || v === undefined) return 0;
  if (v instanceof Date) return 10;
  if (typeof v === "number") return Math.min(15, formatAsWritten(v).length + 1);
  return String(v).length;
}

/** Column widths that fit the cells (merged titles and long notes aside), 8 to 45 characters. */
export function fittedWidths(sheet: SheetGrid): number[] {
  const merged = new Set((sheet.merges ?? []).map((m) => `${m.top},${m.left}`));
  const widths: number[] = [];
  sheet.values.forEach((row, r) =>
    row.forEach((v, c) => {
      if (merged.has(`${r},${c}`)) return;
      widths[c] = Math.max(widths[c] ?? 8, Math.min(45, displayLength(v) + 2));
    })
  );
  return Array.from(widths, (w) => w ?? 8);
}

export function freeFormPresentation(workbook: WorkbookGrid): Map<string, SheetPresentation> {
  return new Map(workbook.sheets.map((s) => [s.name, { columnWidths: fittedWidths(s) }]));
}

/** The two sample files' bytes. */
export async function sampleFiles(): Promise<{ name: string; bytes: Uint8Array }[]> {
  const template = exampleshireTemplate();
  const freeForm = exampleshireFreeForm();
  return [
    {
      name: SAMPLE_FILES.template,
      bytes: await gridToXlsx(template, {
        presentation: templatePresentation(template),
        created: SAMPLE_DATE,
      }),
    },
    {
      name: SAMPLE_FILES.freeForm,
      bytes: await gridToXlsx(freeForm, {
        presentation: freeFormPresentation(freeForm),
        created: SAMPLE_DATE,
      }),
    },
  ];
}

/** Writes the sample files into `dir` (created if missing); returns the paths written. */
export async function writeSamples(dir: string): Promise<string[]> {
  await fs.mkdir(dir, { recursive: true });
  const written: string[] = [];
  for (const f of await sampleFiles()) {
    const target = path.join(dir, f.name);
    await fs.writeFile(target, f.bytes);
    written.push(target);
  }
  return written;
}
