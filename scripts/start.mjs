// `npm start`: one command that runs the add-in.
// - Windows or Mac (Excel desktop can be there): sideloads into Excel with office-addin-debugging,
//   which starts the https dev server on https://localhost:3000.
// - Anywhere else (Linux, CI): serves the preview on http://localhost:3000, with the bundled
//   sample workbook in memory and no Excel. The ready line is printed last, and only once the
//   page is actually served (webpack-dev-server's own "Project is running" comes before the build
//   and is left out).
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { platform } from "node:os";

const run = (cmd, args) =>
  new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: "inherit", shell: process.platform === "win32" });
    child.on("exit", (code) => resolve(code ?? 1));
  });

const os = platform();
const npx = "npx";
if ((os === "win32" || os === "darwin") && !process.argv.includes("--preview")) {
  process.exit(await run(npx, ["office-addin-debugging", "start", "manifest.xml", "desktop"]));
}

if (!existsSync("assets/sample/exampleshire-freeform.xlsx")) {
  const code = await run("npm", ["run", "sample"]);
  if (code !== 0) process.exit(code);
}
const port = process.env.npm_package_config_dev_server_port || "3000";
const url = `http://localhost:${port}/`;
console.log(
  "\nPreview mode (no Excel on this machine): building the task pane. The first build takes a minute or two..."
);
const child = spawn(npx, ["webpack", "serve", "--mode", "development", "--env", "preview"], {
  stdio: ["inherit", "pipe", "pipe"],
  shell: process.platform === "win32",
});

// webpack-dev-server announces the address before anything is built; the ready line below does.
const EARLY = /\[webpack-dev-server\] (Project is running|Loopback:|On Your Network|Content not from webpack)/;
let announced = false;
let waiting = false;

async function served() {
  for (let i = 0; i < 240; i++) {
    try {
      const r = await fetch(url);
      if (r.ok && /<html/i.test(await r.text())) return true;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return false;
}

async function announce() {
  if (waiting || announced) return;
  waiting = true;
  if (!(await served())) {
    waiting = false;
    console.log(`\n  The preview was built but ${url} does not answer yet; see the messages above.`);
    return;
  }
  announced = true;
  console.log("");
  console.log('  The pane opens the sample "Exampleshire Constabulary" (a fictional force), from');
  console.log("  assets/sample/exampleshire-freeform.xlsx: a force's own layout. For the other sample,");
  console.log('  the input-template layout, press "Open a workbook..." and choose assets/sample/exampleshire.xlsx.');
  console.log("  Everything stays in this browser tab's memory, and a reload starts again from the sample:");
  console.log('  "Save a copy of the workbook (.xlsx)" keeps the add-in\'s sheets, settings and corrections.');
  console.log("  Press Ctrl+C here to stop the preview.");
  console.log("");
  console.log(`Ready: the Police Value for Money preview is at ${url}`);
}

function pass(stream, out) {
  let buffer = "";
  stream.on("data", (chunk) => {
    buffer += String(chunk);
    let end;
    while ((end = buffer.indexOf("\n")) >= 0) {
      const line = buffer.slice(0, end + 1);
      buffer = buffer.slice(end + 1);
      if (!EARLY.test(line)) out.write(line);
      if (!announced && /compiled (successfully|with \d+ warnings?)/i.test(line)) void announce();
    }
  });
}
pass(child.stdout, process.stdout);
pass(child.stderr, process.stderr);
const stop = () => child.kill("SIGINT");
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
child.on("exit", (code) => process.exit(code ?? 0));
