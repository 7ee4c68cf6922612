/** The steps after the first, loaded as one chunk once the first step shows (see Steps.tsx). */
export { BenchmarksStep } from "./steps/BenchmarksStep";
export { ModelStep } from "./steps/ModelStep";
export { SavingsStep } from "./steps/SavingsStep";
export { StatementStep } from "./steps/StatementStep";
export { CheckStep } from "./steps/CheckStep";
