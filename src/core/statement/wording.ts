/**
 * The plain-English pass over the published statement (rules in core/plainEnglish.ts): the words
 * after a semicolon go on in lower case, a sentence never opens with a small count in digits, and
 * a sentence already said word for word is not said again. Figures are never touched: only the
 * add-in's own words between them, and never the force's own narrative.
 */
import { lowerAfterSemicolons, sayOnce, wordSmallCountAtStart } from "../plainEnglish";
import { Block, ParagraphBlock, Section, TextRun } from "./model";

function tidyRuns(runs: readonly TextRun[]): TextRun[] {
  return runs.map((r, i) => {
    if (r.figure || r.sources) return r;
    let text = lowerAfterSemicolons(r.text);
    const before = runs
      .slice(0, i)
      .map((x) => x.text)
      .join("");
    if (before.trim() === "" || /[.!?]\s*$/.test(before))
      text = text.replace(
        /^(\s*)(\S[\s\S]*)$/,
        (_m, space: string, rest: string) => space + wordSmallCountAtStart(rest)
      );
    return text === r.text ? r : { ...r, text };
  });
}

function isPlain(p: ParagraphBlock): boolean {
  return p.role !== "userNarrative" && p.runs.every((r) => !r.figure && !r.sources);
}

/** The statement's sections with the wording rules applied and repeated plain sentences dropped. */
export function tidySections(sections: readonly Section[]): Section[] {
  const tidied = sections.map((s) => ({
    ...s,
    blocks: s.blocks.map((b): Block => {
      if (b.kind === "paragraph" && b.role !== "userNarrative")
        return { ...b, runs: tidyRuns(b.runs) };
      if (b.kind === "rag")
        return {
          ...b,
          rule: lowerAfterSemicolons(b.rule),
          ...(b.basis ? { basis: lowerAfterSemicolons(b.basis) } : {}),
        };
      return b;
    }),
  }));
  // Rule 8: a plain sentence (one with no figure in it) is said once in the whole statement.
  const plain: { s: number; b: number }[] = [];
  tidied.forEach((s, si) =>
    s.blocks.forEach((b, bi) => {
      if (b.kind === "paragraph" && isPlain(b)) plain.push({ s: si, b: bi });
    })
  );
  const kept = sayOnce(
    plain.map(({ s, b }) =>
      (tidied[s].blocks[b] as ParagraphBlock).runs.map((r) => r.text).join("")
    )
  );
  const drop = new Set<string>();
  plain.forEach(({ s, b }, k) => {
    const p = tidied[s].blocks[b] as ParagraphBlock;
    const text = p.runs.map((r) => r.text).join("");
    if (kept[k] === text.trim()) return;
    if (kept[k] === "") drop.add(`${s}:${b}`);
    else (tidied[s].blocks as Block[])[b] = { ...p, runs: [{ text: kept[k] }] };
  });
  return tidied.map((s, si) => ({
    ...s,
    blocks: s.blocks.filter((_b, bi) => !drop.has(`${si}:${bi}`)),
  }));
}
