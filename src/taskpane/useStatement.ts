/**
 * The statement as drafted from the pane's result, for the steps' tables and charts: drafted once
 * per result (the first step that asks drafts it, the others share it), so what every step shows
 * is exactly what the statement will say. Only the later steps use it, and they load after the
 * first step shows, with the statement's code.
 */
import { useMemo } from "react";
import { Statement, VfmResult } from "../core";
import { statementFor } from "./model/statement";
import { usePane } from "./PaneContext";

const drafted = new WeakMap<VfmResult, Statement>();

/** The statement for a result, drafted the first time it is asked for. */
export function statementOf(result: VfmResult): Statement {
  let statement = drafted.get(result);
  if (!statement) {
    statement = statementFor(result, new Date().toISOString());
    drafted.set(result, statement);
  }
  return statement;
}

export function useStatement(): Statement {
  const { result } = usePane();
  return useMemo(() => statementOf(result), [result]);
}
