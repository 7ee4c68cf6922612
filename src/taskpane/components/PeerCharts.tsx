/**
 * The peers' ranked ("ski-slope") charts of a statement's benchmarking section, each with the
 * sentence the statement gives it, one accordion item per indicator: the Benchmarks step shows
 * them for the workbook's comparison, and "Compare with HMIC profile data…" for an opened file.
 */
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
} from "@fluentui/react-components";
import { ChartBlock, ParagraphBlock, Statement } from "../../core";
import { sectionById } from "../model/statement";
import { ModelChart } from "./ModelChart";
import { ModelParagraph } from "./ModelParagraph";

/** Each ski-slope chart of the benchmarking section with the paragraph just before it. */
export function peerCharts(
  statement: Statement
): { chart: ChartBlock; sentence?: ParagraphBlock }[] {
  const blocks = sectionById(statement, "benchmarking")?.blocks ?? [];
  const out: { chart: ChartBlock; sentence?: ParagraphBlock }[] = [];
  blocks.forEach((block, i) => {
    if (block.kind === "chart" && block.id.startsWith("chart-peers-")) {
      const prev = blocks[i - 1];
      out.push({ chart: block, ...(prev?.kind === "paragraph" ? { sentence: prev } : {}) });
    }
  });
  return out;
}

export function PeerCharts({
  statement,
  source,
}: {
  readonly statement: Statement;
  /** Marks each item (data-peer-chart, or data-file-chart for an opened file's). */
  readonly source: "workbook" | "file";
}) {
  const items = peerCharts(statement);
  if (items.length === 0) return null;
  return (
    <Accordion multiple collapsible defaultOpenItems={[items[0].chart.id]}>
      {items.map((it) => (
        <AccordionItem
          key={it.chart.id}
          value={it.chart.id}
          {...(source === "workbook"
            ? { "data-peer-chart": it.chart.id }
            : { "data-file-chart": it.chart.id })}
        >
          <AccordionHeader as="h3">
            {it.chart.title.replace(/: forces ranked, best first$/, "")}
          </AccordionHeader>
          <AccordionPanel>
            {it.sentence ? <ModelParagraph block={it.sentence} /> : null}
            <ModelChart chart={it.chart} height={180} />
          </AccordionPanel>
        </AccordionItem>
      ))}
    </Accordion>
  );
}
