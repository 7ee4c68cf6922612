// `npm start`: one command that runs the add-in.
// - Windows or Mac (Excel desktop can be there): sideloads into Excel with office-addin-debugging,
//   which starts the https dev server on https://localhost:3000.
// - Anywhere else (Linux, CI): serves the preview on http://localhost:3000, with the bundled
//   sample workbook in memory and no Excel, and prints the URL.
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

if (!existsSync("assets/sample/exampleshire.xlsx")) {
  const code = await run("npm", ["run", "sample"]);
  if (code !== 0) process.exit(code);
}
const port = process.env.npm_package_config_dev_server_port || "3000";
console.log(`\nPreview mode (no Excel on this machine): building the task pane...`);
const child = spawn(npx, ["webpack", "serve", "--mode", "development", "--env", "preview"], {
  stdio: ["inherit", "pipe", "inherit"],
  shell: process.platform === "win32",
});
let announced = false;
child.stdout.on("data", (chunk) => {
  process.stdout.write(chunk);
  if (!announced && /compiled/i.test(String(chunk))) {
    announced = true;
    console.log(`\n  The Police Value for Money preview is running at http://localhost:${port}/`);
    console.log("  It shows the task pane beside the in-memory sample workbook (not connected to Excel).");
    console.log("  Press Ctrl+C to stop.\n");
  }
});
child.on("exit", (code) => process.exit(code ?? 1));
