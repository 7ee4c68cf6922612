/**
 * The Check step's nine areas: each with the one status the statement gives it (the core's
 * areaStatus, carried by the check report), in words, with the rule that says where two tests
 * are combined.
 */
import { runVfm } from "../../src/core/run";
import { checkWorkbook } from "../../src/core/check/check";
import { exampleshireFreeForm } from "../../src/core/sample/exampleshire";
import { checkView } from "../../src/taskpane/model/check";

test("the Check step shows each area's one status, in words, both tests where two", () => {
  const view = checkView(checkWorkbook(runVfm(exampleshireFreeForm())));
  expect(view.areas).toHaveLength(9);
  const support = view.areas.find((a) => a.area === "supportServices")!;
  expect(support).toMatchObject({
    name: "Support services",
    state: "offTrack",
    words: "Off track",
  });
  expect(support.rule).toMatch(/^The weaker of two tests\. Savings plan: on track, /);
  const deployment = view.areas.find((a) => a.area === "deployment")!;
  expect(deployment.rule).toMatch(/^Savings plan: /);
});
