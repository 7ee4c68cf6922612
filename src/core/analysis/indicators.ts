/**
 * User-defined indicators from the Settings sheet ("indicator.Overtime per officer" =
 * "officerOvertime / officersFte"), evaluated for every year with a restricted mathjs instance.
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
import { CellRef } from "../grid";
import { Finding, finding } from "../findings";
import { BudgetLineKey, ForceData } from "../forceData";
import { isIndicatorKey } from "../policy";
import { FinancialYear } from "../years";
import { formatYear } from "../format";
import { budgetAmount, mergeSources } from "./figures";
import {
  BusinessSupportAnalysis,
  IndicatorResult,
  IndicatorValue,
  OvertimeAnalysis,
  ProcurementAnalysis,
  SavingsAnalysis,
} from "./types";

/** Functions an indicator may call. */
export const INDICATOR_FUNCTIONS = [
  "abs",
  "round",
  "floor",
  "ceil",
  "sqrt",
  "mod",
  "pow",
  "min",
  "max",
  "sum",
  "mean",
  "median",
  "std",
  "variance",
  "quantileSeq",
] as const;

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

/** A variable an indicator may use, with what it holds (for the README and the settings panel). */
export interface IndicatorVariable {
  readonly name: string;
  readonly description: string;
}

const BUDGET_VARIABLES: readonly [BudgetLineKey, string][] = [
  ["officerPay", "police officer pay, £"],
  ["officerOvertime", "police officer overtime, £"],
  ["staffPay", "police staff pay, £"],
  ["staffOvertime", "police staff overtime, £"],
  ["pcsoPay", "PCSO pay, £"],
  ["pcsoOvertime", "PCSO overtime, £"],
  ["totalPay", "total pay, £"],
  ["nonPay", "non-pay spending, £"],
  ["grossExpenditure", "gross expenditure, £"],
  ["income", "income, £"],
  ["netExpenditure", "net expenditure, £"],
];

export const INDICATOR_VARIABLES: readonly IndicatorVariable[] = [
  ...BUDGET_VARIABLES.map(([name, description]) => ({ name, description })),
  { name: "overtime", description: "overtime on the chosen basis, £" },
  { name: "paybill", description: "paybill on the chosen basis, £" },
  { name: "overtimeRatio", description: "overtime / paybill, a fraction" },
  { name: "supportFte", description: "business-support FTE (IT excluded)" },
  { name: "itFte", description: "FTE in functions excluded from the ratio (IT)" },
  { name: "totalFte", description: "workforce FTE (officers + staff + PCSOs)" },
  { name: "supportRatio", description: "supportFte / totalFte, a fraction" },
  { name: "officersFte", description: "police officer FTE" },
  { name: "staffFte", description: "police staff FTE" },
  { name: "pcsosFte", description: "PCSO FTE" },
  { name: "plannedCashable", description: "planned cashable savings, £" },
  { name: "actualCashable", description: "actual cashable savings, £" },
  { name: "plannedNonCashable", description: "planned non-cashable savings, £ equivalent" },
  { name: "actualNonCashable", description: "actual non-cashable savings, £ equivalent" },
  {
    name: "addressableSpend",
    description: "procurement spend in national-approach categories, £ (same every year)",
  },
  {
    name: "onFrameworkSpend",
    description: "of which through national frameworks, £ (same every year)",
  },
  { name: "frameworkShare", description: "onFrameworkSpend / addressableSpend (same every year)" },
  { name: "procurementSpend", description: "all procurement spend, £ (same every year)" },
  { name: "year", description: "the year's start, e.g. 2010 for 2010/11" },
];

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

interface YearScope {
  readonly values: Map<string, number>;
  readonly sources: Map<string, readonly CellRef[]>;
}

/** Every variable's value and cells for each year. */
export function indicatorScopes(
  data: ForceData,
  years: readonly FinancialYear[],
  overtime: OvertimeAnalysis,
  support: BusinessSupportAnalysis,
  procurement: ProcurementAnalysis,
  savings: SavingsAnalysis
): Map<FinancialYear, YearScope> {
  const out = new Map<FinancialYear, YearScope>();
  for (const year of years) {
    const values = new Map<string, number>();
    const sources = new Map<string, readonly CellRef[]>();
    const put = (name: string, value: number, src: readonly CellRef[]) => {
      values.set(name, value);
      sources.set(name, src);
    };
    put("year", year, []);
    for (const [key] of BUDGET_VARIABLES) {
      const a = budgetAmount(data, key, year);
      if (a) put(key, a.value / 100, a.sources);
    }
    const ot = overtime.byYear.find((y) => y.year === year);
    if (ot) {
      put("overtime", ot.overtime.value / 100, ot.overtime.sources);
      put("paybill", ot.paybill.value / 100, ot.paybill.sources);
      if (ot.ratio) put("overtimeRatio", ot.ratio.value, ot.ratio.sources);
    }
    const bs = support.byYear.find((y) => y.year === year);
    if (bs) {
      put("supportFte", bs.supportFte.value, bs.supportFte.sources);
      put("itFte", bs.excludedFte.value, bs.excludedFte.sources);
      put("totalFte", bs.totalFte.value, bs.totalFte.sources);
      if (bs.ratio) put("supportRatio", bs.ratio.value, bs.ratio.sources);
    }
    for (const [name, type] of [
      ["officersFte", "officers"],
      ["staffFte", "staff"],
      ["pcsosFte", "pcsos"],
    ] as const) {
      let v = 0;
      let any = false;
      const src: CellRef[] = [];
      for (const l of data.workforce.lines) {
        if (l.isTotal) continue;
        const f = l.fte.get(year)?.[type];
        if (!f) continue;
        any = true;
        v += f.value;
        src.push(...f.sources);
      }
      if (any) put(name, v, src);
    }
    const sy = savings.byYear.find((y) => y.year === year);
    if (sy) {
      put("plannedCashable", sy.cashable.planned.value / 100, sy.cashable.planned.sources);
      put("plannedNonCashable", sy.nonCashable.planned.value / 100, sy.nonCashable.planned.sources);
      if (sy.cashable.actual)
        put("actualCashable", sy.cashable.actual.value / 100, sy.cashable.actual.sources);
      if (sy.nonCashable.actual)
        put("actualNonCashable", sy.nonCashable.actual.value / 100, sy.nonCashable.actual.sources);
    }
    if (data.procurement.lines.length > 0) {
      // Whole-ledger figures: cite the ledger's first cell rather than every line.
      const first = (f: { sources: readonly CellRef[] }) => f.sources.slice(0, 1);
      put(
        "addressableSpend",
        procurement.addressableSpend.value / 100,
        first(procurement.addressableSpend)
      );
      put(
        "onFrameworkSpend",
        procurement.onFrameworkSpend.value / 100,
        first(procurement.onFrameworkSpend)
      );
      put("procurementSpend", procurement.totalSpend.value / 100, first(procurement.totalSpend));
      if (procurement.onFrameworkShare !== null)
        put("frameworkShare", procurement.onFrameworkShare, first(procurement.addressableSpend));
    }
    out.set(year, { values, sources });
  }
  return out;
}

/** The indicators written in the Settings sheet: keys "indicator.NAME" or "indicator: NAME". */
export function indicatorDefinitions(
  data: ForceData
): { name: string; expression: string; cell?: CellRef }[] {
  const out: { name: string; expression: string; cell?: CellRef }[] = [];
  for (const [key, s] of data.settings.policyOverrides) {
    if (!isIndicatorKey(key)) continue;
    const name = key
      .trim()
      .replace(/^indicator\s*[.:]\s*/i, "")
      .trim();
    const cell = s.sources[0];
    const d = { name: name || key, expression: String(s.value) };
    out.push(cell ? { ...d, cell } : d);
  }
  return out;
}

/** Evaluates one expression for every year; never throws. */
export function evaluateIndicator(
  def: { name: string; expression: string; cell?: CellRef },
  scopes: ReadonlyMap<FinancialYear, YearScope>
): { result: IndicatorResult; findings: Finding[] } {
  const base = def.cell
    ? { name: def.name, expression: def.expression, cell: def.cell }
    : { name: def.name, expression: def.expression };
  const checked = checkIndicatorExpression(def.expression);
  if (!checked.ok) {
    const why = `the expression was refused: ${checked.why}`;
    return {
      result: { ...base, byYear: [], error: why },
      findings: [
        finding(
          "warning",
          "INDICATOR_INVALID",
          `The indicator "${def.name}" cannot be worked out: ${why}.`,
          def.cell,
          "Use only the figures and functions listed in the README, with + - * / ^ and brackets."
        ),
      ],
    };
  }
  let compiled: { evaluate: (scope: Map<string, number>) => unknown };
  try {
    compiled = checked.node.compile();
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return {
      result: { ...base, byYear: [], error: why },
      findings: [
        finding(
          "warning",
          "INDICATOR_INVALID",
          `The indicator "${def.name}" cannot be worked out: ${why}.`,
          def.cell
        ),
      ],
    };
  }
  const byYear: IndicatorValue[] = [];
  for (const [year, scope] of [...scopes].sort((a, b) => a[0] - b[0])) {
    const missing = checked.variables.filter((v) => !scope.values.has(v));
    const sources = mergeSources(...checked.variables.map((v) => scope.sources.get(v)));
    if (missing.length > 0) {
      byYear.push({ year, value: null, sources });
      continue;
    }
    let value: number | null = null;
    try {
      const r = compiled.evaluate(new Map(scope.values));
      const n = typeof r === "boolean" ? (r ? 1 : 0) : r;
      value = typeof n === "number" && Number.isFinite(n) ? n : null;
    } catch {
      value = null;
    }
    byYear.push({ year, value, sources });
  }
  const findings: Finding[] = [];
  if (byYear.length > 0 && byYear.every((y) => y.value === null))
    findings.push(
      finding(
        "info",
        "INDICATOR_NO_VALUE",
        `The indicator "${def.name}" has no value in any year (${scopes.size > 0 ? formatYear(Math.min(...scopes.keys())) : ""} on): a figure it uses is missing, or it divides by zero.`,
        def.cell
      )
    );
  return { result: { ...base, byYear }, findings };
}

export function analyseIndicators(
  data: ForceData,
  years: readonly FinancialYear[],
  overtime: OvertimeAnalysis,
  support: BusinessSupportAnalysis,
  procurement: ProcurementAnalysis,
  savings: SavingsAnalysis
): { indicators: IndicatorResult[]; findings: Finding[] } {
  const defs = indicatorDefinitions(data);
  if (defs.length === 0) return { indicators: [], findings: [] };
  const scopes = indicatorScopes(data, years, overtime, support, procurement, savings);
  const indicators: IndicatorResult[] = [];
  const findings: Finding[] = [];
  for (const d of defs) {
    const r = evaluateIndicator(d, scopes);
    indicators.push(r.result);
    findings.push(...r.findings);
  }
  return { indicators, findings };
}
