/**
 * The formula engine for user-defined indicators: a restricted mathjs instance. It is the only
 * part of the core that needs mathjs, and the fronts load it (loadIndicatorEngine in run.ts) only
 * when a workbook defines indicators, so opening the task pane or running `vfm` on an ordinary
 * workbook does not load mathjs at all.
 *
 * The instance is built with create() from arithmetic, comparison and statistics functions
 * only, and, following mathjs's documented "more secure eval" approach, import, createUnit,
 * evaluate, parse, simplify and derivative are replaced by functions that refuse to run. On top
 * of that, every expression is parsed once and checked against a whitelist of node types,
 * functions and names before it is compiled: no assignments, function definitions, property
 * access, indexing, objects or ranges.
 */
import {
  absDependencies,
  addDependencies,
  ceilDependencies,
  create,
  divideDependencies,
  equalDependencies,
  evaluateDependencies,
  floorDependencies,
  largerDependencies,
  largerEqDependencies,
  maxDependencies,
  meanDependencies,
  medianDependencies,
  minDependencies,
  modDependencies,
  multiplyDependencies,
  powDependencies,
  quantileSeqDependencies,
  roundDependencies,
  smallerDependencies,
  smallerEqDependencies,
  sqrtDependencies,
  stdDependencies,
  subtractDependencies,
  sumDependencies,
  unaryMinusDependencies,
  unaryPlusDependencies,
  unequalDependencies,
  varianceDependencies,
  type MathNode,
} from "mathjs";
import { INDICATOR_FUNCTIONS, INDICATOR_VARIABLES, IndicatorEngine } from "./indicators";

/** Operators map onto these; they are allowed through operators only. */
const OPERATOR_FUNCTIONS = [
  "add",
  "subtract",
  "multiply",
  "divide",
  "unaryMinus",
  "unaryPlus",
  "larger",
  "largerEq",
  "smaller",
  "smallerEq",
  "equal",
  "unequal",
];

const ALLOWED_NODES = new Set([
  "ConstantNode",
  "SymbolNode",
  "OperatorNode",
  "ParenthesisNode",
  "FunctionNode",
  "ConditionalNode",
  "ArrayNode",
]);

const DISABLED = ["import", "createUnit", "evaluate", "parse", "simplify", "derivative"] as const;

interface Restricted {
  /** The instance's parse, kept before it was disabled inside expressions. */
  readonly parse: (expr: string) => MathNode;
  /** The restricted instance itself (for tests: its import/evaluate/... refuse to run). */
  readonly math: ReturnType<typeof create>;
}

let restricted: Restricted | undefined;

/** The one restricted mathjs instance (created on first use). */
export function restrictedMath(): Restricted {
  if (restricted) return restricted;
  const math = create(
    {
      evaluateDependencies,
      addDependencies,
      subtractDependencies,
      multiplyDependencies,
      divideDependencies,
      unaryMinusDependencies,
      unaryPlusDependencies,
      powDependencies,
      modDependencies,
      absDependencies,
      roundDependencies,
      floorDependencies,
      ceilDependencies,
      sqrtDependencies,
      minDependencies,
      maxDependencies,
      sumDependencies,
      meanDependencies,
      medianDependencies,
      stdDependencies,
      varianceDependencies,
      quantileSeqDependencies,
      largerDependencies,
      largerEqDependencies,
      smallerDependencies,
      smallerEqDependencies,
      equalDependencies,
      unequalDependencies,
    },
    { number: "number", predictable: true }
  );
  const parse = math.parse;
  const refuse: Record<string, () => never> = {};
  for (const name of DISABLED)
    refuse[name] = () => {
      throw new Error(`Function ${name} is disabled`);
    };
  math.import(refuse, { override: true });
  restricted = { parse, math };
  return restricted;
}

const VARIABLE_NAMES = new Set(INDICATOR_VARIABLES.map((v) => v.name));
const FUNCTION_NAMES = new Set<string>(INDICATOR_FUNCTIONS);
const CONSTANTS = new Set(["pi", "e", "true", "false"]);
const MAX_LENGTH = 500;

/** Checks an expression; returns the parsed tree and the variables it uses, or why it is refused. */
export function checkIndicatorExpression(
  expression: string
): { ok: true; node: MathNode; variables: string[] } | { ok: false; why: string } {
  if (expression.length > MAX_LENGTH)
    return { ok: false, why: `it is longer than ${MAX_LENGTH} characters` };
  if (!expression.trim()) return { ok: false, why: "it is empty" };
  let node: MathNode;
  try {
    node = restrictedMath().parse(expression);
  } catch (e) {
    return { ok: false, why: `it cannot be read: ${e instanceof Error ? e.message : String(e)}` };
  }
  const problems: string[] = [];
  const variables = new Set<string>();
  const functionSymbols = new Set<MathNode>();
  node.traverse((n) => {
    if (!ALLOWED_NODES.has(n.type)) {
      problems.push(nodeWords(n.type));
      return;
    }
    if (n.type === "FunctionNode") {
      const fnNode = (n as unknown as { fn: MathNode & { name?: string } }).fn;
      const name = fnNode.type === "SymbolNode" ? fnNode.name : undefined;
      if (!name || !FUNCTION_NAMES.has(name))
        problems.push(`the function ${name ?? "(computed)"} is not allowed`);
      functionSymbols.add(fnNode);
    } else if (n.type === "OperatorNode") {
      const fn = (n as unknown as { fn: string }).fn;
      if (!OPERATOR_FUNCTIONS.includes(fn) && fn !== "pow" && fn !== "mod")
        problems.push(`the operator ${(n as unknown as { op: string }).op} is not allowed`);
    } else if (n.type === "SymbolNode" && !functionSymbols.has(n)) {
      const name = (n as unknown as { name: string }).name;
      if (VARIABLE_NAMES.has(name)) variables.add(name);
      else if (!CONSTANTS.has(name)) problems.push(`"${name}" is not a known figure`);
    }
  });
  if (problems.length > 0) return { ok: false, why: [...new Set(problems)].join("; ") };
  return { ok: true, node, variables: [...variables] };
}

function nodeWords(type: string): string {
  switch (type) {
    case "AssignmentNode":
      return "assignments (=) are not allowed";
    case "FunctionAssignmentNode":
      return "defining functions is not allowed";
    case "AccessorNode":
    case "IndexNode":
      return "property access and indexing are not allowed";
    case "ObjectNode":
      return "objects are not allowed";
    case "BlockNode":
      return "only one expression is allowed (no ; or new lines)";
    case "RangeNode":
      return "ranges (a:b) are not allowed";
    default:
      return `${type} is not allowed`;
  }
}

/** The engine the indicators analysis takes (see IndicatorEngine in indicators.ts). */
export const indicatorEngine: IndicatorEngine = {
  compile(expression) {
    const checked = checkIndicatorExpression(expression);
    if (!checked.ok) return { ok: false, why: `the expression was refused: ${checked.why}` };
    let compiled: { evaluate: (scope: Map<string, number>) => unknown };
    try {
      compiled = checked.node.compile();
    } catch (e) {
      return { ok: false, why: e instanceof Error ? e.message : String(e) };
    }
    return {
      ok: true,
      variables: checked.variables,
      evaluate: (scope) => compiled.evaluate(new Map(scope)),
    };
  },
};
