/**
 * Loads SheetJS for the command line with its code-page tables (`dist/cpexcel.js`) left until a
 * file needs them. SheetJS's Node build loads the tables as soon as it is loaded, and building
 * them cost about 110 ms of CPU on every `vfm` run here: a third of what parsing the bundled
 * sample costs in all, for tables that only .xls files (and other BIFF or code-page formats)
 * use; .xlsx, .xlsm, .xlsb, .ods and CSV (./xlsx/csv.ts decodes its text itself) never call them.
 *
 * How: SheetJS takes the tables from a global `cptable` when one is defined as it loads, and
 * calls only `cptable.utils.decode` and `cptable.utils.encode`. A stand-in with those two, which
 * loads the real tables on its first call, is put there while SheetJS loads, and taken away
 * again at once. Import this module before anything that imports SheetJS (readWorkbook.ts does,
 * as its first import). The browser preview bundles SheetJS's ES module build, which never
 * loads the tables, so none of this applies there.
 */
interface Codepages {
  readonly utils: {
    decode(cp: number, data: unknown): string;
    encode(cp: number, data: string, format?: string): unknown;
  };
}

let tables: Codepages | undefined;

function codepages(): Codepages {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, by design
  return (tables ??= require("@e965/xlsx/dist/cpexcel.js") as Codepages);
}

/** True once a file has needed the code-page tables (for tests). */
export function codepagesLoaded(): boolean {
  return tables !== undefined;
}

const scope = globalThis as { cptable?: unknown };
if (scope.cptable === undefined) {
  const standIn: Codepages = {
    utils: {
      decode: (cp, data) => codepages().utils.decode(cp, data),
      encode: (cp, data, format) => codepages().utils.encode(cp, data, format),
    },
  };
  scope.cptable = standIn;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- must load while the stand-in is there
    require("@e965/xlsx");
  } finally {
    delete scope.cptable;
  }
}
