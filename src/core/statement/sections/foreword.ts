/**
 * The foreword: whose statement this is (the Police Authority's, in its Local Policing Plan,
 * 5.53-5.54), a marked space for the Chair's own words, lines for the Chair and the Treasurer to
 * sign, and whether the statement is still a draft.
 */
import { formatYear } from "../../format";
import { FinancialYear } from "../../years";
import { Approval, Authority, Block, Section } from "../model";
import { DraftContext, para } from "./common";

export interface ForewordFacts {
  readonly authority: Authority;
  readonly planYear: FinancialYear;
  readonly approval: Approval;
  readonly illustrative: boolean;
}

export function forewordSection(ctx: DraftContext, f: ForewordFacts): Section {
  const who = f.authority.name ?? "the Police Authority";
  const blocks: Block[] = [
    para(
      [
        `This is the Value for Money Statement of ${who} for ${ctx.force}, published in the Local Policing Plan for ${formatYear(f.planYear)}. `,
        "It sets out the cashable savings and productivity gains planned in each of the nine areas the White Paper names, and those achieved so far, year by year (White Paper 5.53-5.54).",
      ],
      "lead"
    ),
    para(
      [
        "[Foreword by the Chair of the Police Authority: the Authority's own words on its priorities for value for money go here.]",
      ],
      "placeholder"
    ),
    para(
      ["Chair of the Police Authority: ______________________   Date: ____________"],
      "signature"
    ),
    para(["Treasurer: ______________________   Date: ____________"], "signature"),
    f.approval.approved && f.approval.dateText
      ? para([`Approved by ${who} on ${f.approval.dateText}.`])
      : para(
          [
            `This statement is a draft: it has not yet been approved by ${who}, and every page says so until it is.`,
          ],
          "caveat"
        ),
  ];
  if (f.illustrative)
    blocks.push(
      para(["Illustrative: drafted from sample figures, not from a real force's data."], "caveat")
    );
  return { id: "foreword", heading: "Foreword", level: 1, blocks };
}
