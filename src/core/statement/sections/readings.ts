/**
 * The working papers' account of the readings the White Paper leaves open (analysis.readings):
 * each reading with the White Paper's words it reads, every way of reading them, which one the
 * figures use, and the verdict each gives on this workbook, so an inspector sees which verdicts
 * turn on a reading.
 */
import { Section, TableBlock, TableRow, textTable } from "../model";
import { textFigure } from "../format";
import { countOf, listWords } from "../../plainEnglish";
import { DraftContext, para } from "./common";

function readingsTable(ctx: DraftContext): TableBlock {
  const rows: TableRow[] = ctx.analysis.readings.flatMap((r) =>
    r.options.map((o, i) => ({
      cells: [
        textFigure(i === 0 ? `${r.label} (${r.whitePaperWords})` : ""),
        textFigure(o.label),
        textFigure(o.inUse ? "In use" : ""),
        textFigure(o.verdict, o.sources),
      ],
    }))
  );
  return textTable({
    id: "papers-readings",
    caption: "Readings of the White Paper and the verdict each gives",
    columns: [
      ["Reading (the White Paper's words)", 30],
      ["Way of reading it", 22],
      ["Used", 7],
      ["Verdict on this workbook", 41],
    ],
    rows,
    note: "Each verdict is worked out from the workbook's own figures under that reading; the statement uses the reading marked In use, which can be changed in the settings.",
  });
}

/** The readings section, or none where the analysis has no readings. */
export function readingsSection(ctx: DraftContext): Section[] {
  const readings = ctx.analysis.readings;
  if (readings.length === 0) return [];
  const turning = readings.filter((r) => r.turnsOnIt);
  return [
    {
      id: "readings",
      heading: "Readings the White Paper leaves open",
      level: 1,
      blocks: [
        para([
          `The White Paper does not settle ${countOf(readings.length, "question")} the figures depend on. `,
          turning.length === 0
            ? "On this workbook every way of reading them gives the same verdict."
            : `On this workbook the verdict turns on ${countOf(turning.length, "of them", "of them")} (${listWords(turning.map((r) => `"${r.label}"`))}): the table gives the verdict under each way of reading them.`,
        ]),
        readingsTable(ctx),
      ],
    },
  ];
}
