/**
 * The statement as the task pane uses it: built once per result with the core builder, then
 * read by id (its tables and charts feed the Benchmarks and Savings steps, so what the pane
 * shows is exactly what the statement will say).
 */
import {
  Block,
  ChartBlock,
  draftStatement,
  Section,
  Statement,
  TableBlock,
  VfmResult,
} from "../../core";

/** The statement for a result, drafted at `generatedAt` (ISO; the pane passes the clock's time). */
export function statementFor(result: VfmResult, generatedAt: string): Statement {
  return draftStatement(result, { generatedAt });
}

function allBlocks(statement: Statement): Block[] {
  return statement.sections.flatMap((s) => [...s.blocks]);
}

/** The table with this id, if the statement has one. */
export function tableById(statement: Statement, id: string): TableBlock | undefined {
  return allBlocks(statement).find((b): b is TableBlock => b.kind === "table" && b.id === id);
}

/** The chart with this id, if the statement has one. */
export function chartById(statement: Statement, id: string): ChartBlock | undefined {
  return allBlocks(statement).find((b): b is ChartBlock => b.kind === "chart" && b.id === id);
}

/** Every chart whose id starts with `prefix`, in document order (the peers' ski-slopes). */
export function chartsWithPrefix(statement: Statement, prefix: string): ChartBlock[] {
  return allBlocks(statement).filter(
    (b): b is ChartBlock => b.kind === "chart" && b.id.startsWith(prefix)
  );
}

export function sectionById(statement: Statement, id: string): Section | undefined {
  return statement.sections.find((s) => s.id === id);
}

/** The first table of a section (an area's planned/actual table). */
export function firstTableOf(section: Section | undefined): TableBlock | undefined {
  return section?.blocks.find((b): b is TableBlock => b.kind === "table");
}
