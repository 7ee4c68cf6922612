/**
 * Microsoft's Excel client runtime (the Excel on the web build of Office.js from the
 * @microsoft/office-js package), loaded into a Node `vm` context with the few browser globals it
 * looks for while loading. Nothing of the page around it (the Office host frame, the ribbon) is
 * there: the one thing it needs from a host, `OSF.DDA.RichApi.executeRichApiRequestAsync` (the
 * call that carries every `context.sync()` to Excel), is supplied by excelHost.ts.
 *
 * The runtime is loaded once per process (about half a second) and shared by every host: each
 * host's batches carry a request header naming it, and the runtime copies request headers into
 * the message it hands to the host.
 */
import { readFileSync } from "fs";
import { createContext, runInContext } from "vm";

/** What the runtime hands to the host for one sync: its "safe array" message. */
export type RichApiMessage = readonly unknown[];

/** What the host answers: a success with the response body, or an Office host error code. */
export type RichApiResult =
  | { readonly status: "succeeded"; readonly value: { readonly data: readonly unknown[] } }
  | {
      readonly status: "failed";
      readonly error: { readonly code: number; readonly message: string };
    };

export type RichApiHandler = (message: RichApiMessage, respond: (r: RichApiResult) => void) => void;

/** The header that names the host a batch belongs to. */
export const HOST_HEADER = "x-vfm-test-host";

export const RUNTIME_FILE = "@microsoft/office-js/dist/excel-web-16.00.debug.js";

export interface ExcelRuntime {
  /** The runtime's own Excel.run. */
  readonly run: <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;
  /** The runtime's OfficeExtension (errors, config). */
  readonly officeExtension: typeof OfficeExtension;
  /** Registers the handler for batches marked with `hostId`. */
  register(hostId: string, handler: RichApiHandler): void;
  unregister(hostId: string): void;
}

let shared: ExcelRuntime | undefined;

interface RuntimeGlobals {
  Excel: typeof Excel;
  OfficeExtension: typeof OfficeExtension;
  OSF: { DDA: { RichApi: { executeRichApiRequestAsync: RichApiHandler } } };
}

/** The message's request headers (name, value, name, value ...). */
function headerOf(message: RichApiMessage, name: string): string | undefined {
  const headers = message[3];
  if (!Array.isArray(headers)) return undefined;
  for (let i = 0; i + 1 < headers.length; i += 2)
    if (headers[i] === name) return String(headers[i + 1]);
  return undefined;
}

export function excelRuntime(): ExcelRuntime {
  if (shared) return shared;
  const source = readFileSync(require.resolve(RUNTIME_FILE), "utf8");
  // The globals the script touches while it loads: it looks at the page's address, user agent
  // and script tags to decide which host it is in, and schedules work with timers.
  const sandbox: Record<string, unknown> = {
    console: { log() {}, warn() {}, error() {}, info() {} },
    setTimeout,
    clearTimeout,
    setInterval,
    clearInterval,
    navigator: {
      userAgent:
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/120.0 Safari/537.36 Edg/120.0",
    },
    document: {
      readyState: "complete",
      cookie: "",
      getElementsByTagName: () => [],
      addEventListener() {},
    },
    location: {
      href: "https://localhost/taskpane.html",
      protocol: "https:",
      hostname: "localhost",
      search: "",
      hash: "",
    },
    addEventListener() {},
  };
  sandbox.window = sandbox;
  sandbox.self = sandbox;
  const context = createContext(sandbox);
  runInContext(source, context, { filename: RUNTIME_FILE });
  const g = context as unknown as RuntimeGlobals;
  const handlers = new Map<string, RichApiHandler>();
  g.OSF.DDA.RichApi.executeRichApiRequestAsync = (message, respond) => {
    const id = headerOf(message, HOST_HEADER);
    const handler = id === undefined ? undefined : handlers.get(id);
    if (!handler) {
      respond({
        status: "failed",
        error: { code: 5001, message: "No test host for this request." },
      });
      return;
    }
    handler(message, respond);
  };
  shared = {
    run: (batch) => g.Excel.run(batch),
    officeExtension: g.OfficeExtension,
    register: (id, handler) => void handlers.set(id, handler),
    unregister: (id) => void handlers.delete(id),
  };
  return shared;
}
