/* eslint-disable */
// Builds the task pane, the ribbon commands page and the help page.
//   npm run build          production bundle in dist/, office.js from Microsoft's CDN, manifest
//                          URLs rewritten to ADDIN_ORIGIN (or package.json config.prod_origin).
//   npm run dev-server     https://localhost:3000 for sideloading into Excel (office-addin-debugging).
//   npm start (Linux)      preview mode: http://localhost:3000, local office.js, the in-memory
//                          workbook with the bundled sample, no Excel needed.
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const pkg = require("./package.json");
const { DEV_ORIGIN, rewriteOrigin } = require("./scripts/manifest-origin.js");

const OFFICE_CDN = "https://appsforoffice.microsoft.com";
const OFFICE_JS_CDN = `${OFFICE_CDN}/lib/1/hosted/office.js`;

/** Content-Security-Policy for every page: only this origin and, inside Office, Microsoft's Office CDN. */
function csp(preview) {
  const office = preview ? "" : ` ${OFFICE_CDN}`;
  return [
    "default-src 'self'",
    `script-src 'self'${office}`,
    // Fluent UI (Griffel) inserts its CSS rules at run time.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${office}`,
    `frame-src 'self'${office}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join("; ");
}

async function httpsOptions() {
  const devCerts = require("office-addin-dev-certs");
  const options = await devCerts.getHttpsServerOptions();
  return { ca: options.ca, key: options.key, cert: options.cert };
}

module.exports = async (env = {}, argv = {}) => {
  const production = argv.mode === "production";
  const preview = !!env.preview;
  const origin = (production && !preview && (process.env.ADDIN_ORIGIN || pkg.config.prod_origin)) || DEV_ORIGIN;
  const outDir = preview ? "dist-preview" : "dist";
  const page = (name, template, chunks, extra = {}) =>
    new HtmlWebpackPlugin({
      filename: name,
      template,
      chunks,
      templateParameters: {
        csp: csp(preview),
        officeJs: preview ? "office/office.js" : OFFICE_JS_CDN,
        preview,
        ...extra,
      },
    });

  return {
    mode: production ? "production" : "development",
    devtool: production ? false : "source-map",
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
    },
    output: {
      path: path.resolve(__dirname, outDir),
      filename: production ? "[name].[contenthash:8].js" : "[name].js",
      chunkFilename: production ? "[name].[contenthash:8].js" : "[name].js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js", ".mjs"] },
    module: {
      rules: [
        { test: /\.tsx?$/, exclude: /node_modules/, use: { loader: "ts-loader", options: { transpileOnly: true } } },
        // The core is pure (lint keeps it so): a front end importing one name through the core's
        // face (src/core/index.ts) bundles only the modules that name needs.
        { test: /[\\/]src[\\/]core[\\/]/, sideEffects: false },
      ],
    },
    performance: { hints: false },
    optimization: { splitChunks: { chunks: "async" } },
    plugins: [
      // Which files each lazily loaded part needs, for scripts/size.mjs.
      {
        apply(compiler) {
          compiler.hooks.emit.tap("ChunkGroupsFile", (compilation) => {
            const groups = {};
            for (const [name, group] of compilation.namedChunkGroups)
              groups[name] = group.chunks.flatMap((c) => [...c.files]).filter((f) => f.endsWith(".js"));
            const json = JSON.stringify(groups, null, 1);
            compilation.emitAsset("chunk-groups.json", new compiler.webpack.sources.RawSource(json));
          });
        },
      },
      page("taskpane.html", "./src/taskpane/taskpane.html", ["taskpane"]),
      ...(preview ? [page("index.html", "./src/taskpane/taskpane.html", ["taskpane"])] : []),
      page("commands.html", "./src/commands/commands.html", ["commands"]),
      page("help.html", "./src/taskpane/help.html", []),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/icon-*.png", to: "assets/[name][ext]" },
          // ES5, not bundled: it must run where the bundle cannot (see the file).
          { from: "src/taskpane/oldWebview.js", to: "old-webview.js" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => (origin === DEV_ORIGIN ? content : rewriteOrigin(content.toString(), origin)),
          },
          ...(preview
            ? [
                { from: "assets/sample/*.xlsx", to: "sample/[name][ext]", noErrorOnMissing: true },
                { from: "node_modules/@microsoft/office-js/dist/office.js", to: "office/office.js" },
                // What office.js loads outside Office (it then reports host null).
                { from: "node_modules/@microsoft/office-js/dist/o15apptofilemappingtable.js", to: "office/o15apptofilemappingtable.js" },
                { from: "node_modules/@microsoft/office-js/dist/en-us/office_strings.js", to: "office/en-us/office_strings.js" },
              ]
            : []),
        ],
      }),
    ],
    devServer: {
      port: Number(process.env.npm_package_config_dev_server_port || pkg.config.dev_server_port || 3000),
      host: "localhost",
      static: false,
      hot: false,
      liveReload: false,
      client: false,
      headers: { "Access-Control-Allow-Origin": "*", "Content-Security-Policy": csp(preview) },
      // Certificates only when actually serving for Excel (not for builds or the preview).
      server: preview || !process.env.WEBPACK_SERVE ? "http" : { type: "https", options: await httpsOptions() },
      open: false,
    },
  };
};
