/**
 * The guided flow and the settings panel, over one result. Loaded as its own chunk with the core
 * (see loadCore in useVfm.ts): the shell in App.tsx paints first, with the reading progress.
 * The first step comes with it; the later steps and the settings panel load on their own.
 */
import { Suspense, lazy, useCallback, useMemo } from "react";
import { CellRef, StoredSettings, VfmResult, WorkbookGateway } from "../core";
import { PlainError, plainError } from "./model/errors";
import { PaneApi, PaneContext } from "./PaneContext";
import { Steps, useStepState } from "./Steps";

const SettingsDrawer = lazy(() =>
  import(/* webpackChunkName: "settings" */ "./settings/SettingsDrawer").then((m) => ({
    default: m.SettingsDrawer,
  }))
);

export interface FlowProps {
  readonly gateway: WorkbookGateway;
  readonly result: VfmResult;
  readonly settings: StoredSettings;
  readonly applySettings: (next: StoredSettings) => Promise<void>;
  readonly reload: () => void;
  readonly notify: (problem: PlainError | undefined) => void;
  readonly settingsOpen: boolean;
  readonly setSettingsOpen: (open: boolean) => void;
  /** Where the settings drawer is mounted, so that it covers the pane and not the window. */
  readonly drawerMount?: HTMLElement | null;
}

export default function Flow(props: FlowProps) {
  const {
    gateway,
    result,
    settings,
    applySettings,
    reload,
    notify,
    settingsOpen,
    setSettingsOpen,
    drawerMount,
  } = props;
  const steps = useStepState();
  const goToCell = useCallback(
    (ref: CellRef) => {
      notify(undefined);
      gateway.selectCell(ref).catch((e: unknown) => notify(plainError(e, "going to the cell")));
    },
    [gateway, notify]
  );
  const goToSheet = useCallback(
    (name: string) => {
      notify(undefined);
      gateway.activateSheet(name).catch((e: unknown) => notify(plainError(e, "going to the cell")));
    },
    [gateway, notify]
  );
  const api: PaneApi = useMemo(
    () => ({
      gateway,
      result,
      settings,
      applySettings,
      reload,
      goToCell,
      goToSheet,
      goToStep: steps.goTo,
      notify,
      openSettings: () => setSettingsOpen(true),
    }),
    [
      gateway,
      result,
      settings,
      applySettings,
      reload,
      goToCell,
      goToSheet,
      steps.goTo,
      notify,
      setSettingsOpen,
    ]
  );
  return (
    <PaneContext.Provider value={api}>
      <Steps state={steps} />
      {settingsOpen ? (
        <Suspense fallback={null}>
          <SettingsDrawer
            open={settingsOpen}
            onClose={() => setSettingsOpen(false)}
            mountNode={drawerMount}
          />
        </Suspense>
      ) : null}
    </PaneContext.Provider>
  );
}
