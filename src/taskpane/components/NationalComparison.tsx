/**
 * The Benchmarks step's national comparison (issue 12): which data, year and definition each
 * comparison with the 43 forces uses; the force's most similar group, picked from a searchable
 * list of the 43 and kept with the workbook's settings; and "Compare with HMIC profile data…",
 * which opens one of HMIC's published profile data files in the pane (read here, in the browser:
 * nothing leaves the machine), ranks the force among its forces and draws the ranked charts.
 */
import { useMemo, useState } from "react";
import { Button, Checkbox, Input, Text, makeStyles, tokens } from "@fluentui/react-components";
import {
  compareWithNational,
  FORCES,
  formatRef,
  listWords,
  loadProfileReader,
  matchForce,
  nationalGapInputs,
  nationalTable,
  PeersAnalysis,
  SETTINGS_KEYS,
} from "../../core";
import { usePane } from "../PaneContext";
import { statementFor, tableById } from "../model/statement";
import { ModelTable } from "./ModelTable";
import { PeerCharts } from "./PeerCharts";
import { FileChooser } from "./FileChooser";

const useStyles = makeStyles({
  lines: { margin: "4px 0 8px", paddingLeft: "18px" },
  small: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  list: {
    maxHeight: "180px",
    overflowY: "auto",
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: "4px",
    margin: "6px 0",
  },
  row: { display: "flex", gap: "8px", flexWrap: "wrap", alignItems: "center", margin: "6px 0" },
  box: { marginTop: "10px" },
});

const MAX = 7;

/** The words for each comparison with HMIC's data: the data, year and definition it used. */
export function NationalLines({ peers }: { readonly peers: PeersAnalysis }) {
  const styles = useStyles();
  if (!peers.national) return null;
  return (
    <div data-testid="national-lines">
      <Text as="p">
        The workbook has no peers sheet, so the force is compared with all forces in HMIC&apos;s
        Value for Money profile data, which comes with the add-in:
      </Text>
      <ul className={styles.lines}>
        {peers.national.lines.map((l) => (
          <li key={l.key}>{l.words}</li>
        ))}
      </ul>
      <Text as="p" className={styles.small}>
        {peers.national.attribution}
      </Text>
    </div>
  );
}

/** A searchable list of the 43 forces; up to seven make the most similar group. */
export function GroupPicker() {
  const styles = useStyles();
  const { result, settings, applySettings } = usePane();
  const own = result.peers?.matchedForce?.id;
  const saved = useMemo(() => {
    const g = settings[SETTINGS_KEYS.group];
    return Array.isArray(g) ? g.filter((x): x is string => typeof x === "string") : [];
  }, [settings]);
  // A group the Settings sheet names ("Most similar forces") is used until one is chosen here.
  const fromSheet = result.data.settings.mostSimilarForces;
  const sheetNames = useMemo(
    () => (fromSheet?.value ?? []).map((n) => matchForce(n)?.force.name ?? n).slice(0, MAX),
    [fromSheet]
  );
  const [chosen, setChosen] = useState<string[]>(saved.length > 0 ? saved : sheetNames);
  const [search, setSearch] = useState("");
  const [busy, setBusy] = useState(false);
  const shown = FORCES.filter(
    (f) =>
      f.id !== own &&
      (!search.trim() ||
        `${f.name} ${f.variants.join(" ")}`.toLowerCase().includes(search.trim().toLowerCase()))
  );
  const toggle = (name: string, on: boolean) =>
    setChosen((c) =>
      on ? (c.includes(name) || c.length >= MAX ? c : [...c, name]) : c.filter((x) => x !== name)
    );
  const save = async (names: string[]) => {
    setBusy(true);
    try {
      await applySettings({ ...settings, [SETTINGS_KEYS.group]: names });
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className={styles.box} data-testid="group-picker">
      <Text as="p" data-testid="group-now">
        {saved.length > 0
          ? `Most similar forces: ${listWords(saved)}.`
          : fromSheet && sheetNames.length > 0
            ? `Most similar forces: ${listWords(sheetNames)}, from the Settings sheet (${fromSheet.sources[0] ? formatRef(fromSheet.sources[0]) : "its Most similar forces row"}); forces chosen here take their place.`
            : "Most similar forces: none chosen."}{" "}
        No published file lists HMIC&apos;s groups, so name up to seven; against HMIC&apos;s data
        their average is weighted by population.
      </Text>
      <Input
        type="search"
        value={search}
        onChange={(_, d) => setSearch(d.value)}
        aria-label="Search the 43 forces"
        placeholder="Search the 43 forces"
      />
      <div
        className={styles.list}
        role="group"
        aria-label={`Most similar forces, ${chosen.length} of at most ${MAX} chosen`}
      >
        {shown.map((f) => (
          <div key={f.id}>
            <Checkbox
              label={f.name}
              checked={chosen.includes(f.name)}
              disabled={!chosen.includes(f.name) && chosen.length >= MAX}
              onChange={(_, d) => toggle(f.name, d.checked === true)}
            />
          </div>
        ))}
        {shown.length === 0 ? <Text className={styles.small}>No force matches.</Text> : null}
      </div>
      <div className={styles.row}>
        <Button appearance="primary" disabled={busy} onClick={() => void save(chosen)}>
          Use these {chosen.length} as the most similar forces
        </Button>
        {saved.length > 0 ? (
          <Button
            disabled={busy}
            onClick={() => {
              setChosen([]);
              void save([]);
            }}
          >
            Clear the group
          </Button>
        ) : null}
      </div>
    </div>
  );
}

/** "Compare with HMIC profile data…": one published file, read in the browser, the force ranked among its forces. */
export function CompareWithProfileFile() {
  const styles = useStyles();
  const { result } = usePane();
  const [state, setState] = useState<
    | { readonly kind: "none" }
    | { readonly kind: "reading"; readonly file: string }
    | { readonly kind: "error"; readonly message: string }
    | { readonly kind: "done"; readonly file: string; readonly peers: PeersAnalysis }
  >({ kind: "none" });
  const open = async (file: File) => {
    setState({ kind: "reading", file: file.name });
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const { readSpreadsheet } = await import(/* webpackChunkName: "reader" */ "../../xlsx/read");
      const { workbook } = await readSpreadsheet(bytes, file.name);
      const { readProfileFile, NOT_A_PROFILE } = await loadProfileReader();
      const profile = readProfileFile(workbook, file.name);
      if (!profile) {
        setState({ kind: "error", message: `${file.name} ${NOT_A_PROFILE}.` });
        return;
      }
      const group = result.peers?.groupSource === "settings" ? result.peers.group : [];
      const table = nationalTable([profile]);
      const peers = compareWithNational(table, result.forceName, {
        policy: result.analysis.policy,
        gapInputs: nationalGapInputs(result.analysis, table),
        ...(group.length > 0 ? { group } : {}),
      });
      if (!peers) {
        setState({
          kind: "error",
          message: `${file.name} holds no figures the force can be compared on.`,
        });
        return;
      }
      setState({ kind: "done", file: file.name, peers });
    } catch (err) {
      setState({
        kind: "error",
        message: `${file.name} could not be read: ${err instanceof Error ? err.message.split("\n")[0] : String(err)}`,
      });
    }
  };
  // The statement the comparison would give: its peers table and ski-slope charts, as built in.
  const statement = useMemo(
    () =>
      state.kind === "done"
        ? statementFor({ ...result, peers: state.peers }, new Date().toISOString())
        : undefined,
    [state, result]
  );
  const table = statement ? tableById(statement, "benchmarking-peers") : undefined;
  return (
    <div className={styles.box} data-testid="profile-file">
      <FileChooser
        label="Compare with HMIC profile data…"
        accept=".xls,.xlsx,.ods,.csv"
        testId="profile-file-input"
        onFile={(file) => void open(file)}
      />
      <Text as="p" className={styles.small}>
        Opens one of HMIC&apos;s Value for Money profile data files (.xls, .csv, .ods or .xlsx, as
        published). It is read here, in the pane; nothing leaves this computer.
      </Text>
      <div aria-live="polite">
        {state.kind === "reading" ? <Text>Reading {state.file}…</Text> : null}
        {state.kind === "error" ? <Text role="alert">{state.message}</Text> : null}
        {state.kind === "done" ? (
          <div data-testid="profile-file-result">
            <Text as="p">From {state.file}:</Text>
            <ul className={styles.lines}>
              {state.peers.national?.lines.map((l) => (
                <li key={l.key}>{l.words}</li>
              ))}
            </ul>
            {table ? <ModelTable table={table} /> : null}
            {statement ? <PeerCharts statement={statement} source="file" /> : null}
            <Text as="p" className={styles.small}>
              {state.peers.national?.attribution}
            </Text>
          </div>
        ) : null}
      </div>
    </div>
  );
}
