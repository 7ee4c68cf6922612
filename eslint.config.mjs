import officeAddins from "eslint-plugin-office-addins";
import reactHooks from "eslint-plugin-react-hooks";
import { createRequire } from "node:module";

// The TypeScript parser that eslint-plugin-office-addins itself was built with, so parser and rules agree.
const requireFromOfficePlugin = createRequire(createRequire(import.meta.url).resolve("eslint-plugin-office-addins"));
const tsParser = requireFromOfficePlugin("@typescript-eslint/parser");
// The office-addins preset registers @typescript-eslint for .ts files only; .tsx needs it too.
const tsPlugin = officeAddins.configs.react.find((c) => c.plugins?.["@typescript-eslint"])?.plugins["@typescript-eslint"];

/** Import boundaries between the layers (see README, "Architecture"). A wrong import fails `npm test`. */
const nodeBuiltins = [
  "fs", "path", "os", "child_process", "http", "https", "net", "url", "util", "stream", "zlib", "crypto",
  "worker_threads", "process", "buffer", "events",
].flatMap((m) => [m, `node:${m}`, `${m}/*`, `node:${m}/*`]);

const office = ["office-js", "@microsoft/office-js", "office-addin-*", "@microsoft/office-*"];
const ui = ["react", "react-dom", "react-dom/*", "react/*", "@fluentui/*"];
const rule = (patterns, message) => ["error", { patterns: [{ group: patterns, message }] }];
const rules = (...groups) => ["error", { patterns: groups.map(([group, message]) => ({ group, message })) }];
// The fronts reach the core through its face, src/core/index.ts, never its files.
const coreInsides = ["**/core/*"];
const faceOnly = "Import the core through its face (\"../core\", src/core/index.ts); add an export there if a front end needs more.";

export default [
  { ignores: ["node_modules/**", "dist/**", "build/**", "coverage/**", "test-artifacts/**", "**/*.{js,mjs,cjs}"] },
  ...officeAddins.configs.react,
  {
    files: ["**/*.{ts,tsx}"],
    languageOptions: { parser: tsParser, ecmaVersion: 2022, sourceType: "module", parserOptions: { ecmaFeatures: { jsx: true } } },
    plugins: { "react-hooks": reactHooks, "@typescript-eslint": tsPlugin },
    settings: { react: { version: "19.0" } },
    rules: {
      "react/react-in-jsx-scope": "off",
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "warn",
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-non-null-asserted-optional-chain": "error",
      "@typescript-eslint/no-require-imports": "error",
      "@typescript-eslint/no-unsafe-declaration-merging": "error",
      "@typescript-eslint/prefer-as-const": "error",
      "@typescript-eslint/ban-ts-comment": "error",
      "no-undef": "off",
      "no-redeclare": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      // The TypeScript rule above replaces the base one, which misreads type signatures in .tsx.
      "no-unused-vars": "off",
    },
  },
  {
    files: ["src/core/**/*.ts"],
    rules: {
      "no-restricted-imports": rule(
        [...office, ...ui, ...nodeBuiltins, "exceljs", "docx", "../excel/*", "../../excel/*", "**/excel/**", "**/preview/**", "**/xlsx/**", "**/taskpane/**", "**/commands/**", "**/cli/**", "**/render/**"],
        "src/core is pure TypeScript: no Office, React, DOM, ExcelJS, docx or Node imports, and nothing from the outer layers."
      ),
      "no-restricted-globals": ["error", "window", "document", "Office", "Excel", "process", "require", "Buffer"],
    },
  },
  {
    files: ["src/render/**/*.ts"],
    rules: {
      "no-restricted-imports": rule(
        [...office, ...ui, ...nodeBuiltins, "**/excel/**", "**/preview/**", "**/xlsx/**", "**/taskpane/**", "**/commands/**", "**/cli/**"],
        "src/render turns the statement model into outputs; it does not call Office, React, Node or the gateways."
      ),
    },
  },
  {
    files: ["src/preview/**/*.{ts,tsx}", "src/xlsx/**/*.ts", "src/taskpane/**/*.{ts,tsx}", "src/commands/**/*.ts", "src/cli/**/*.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        { selector: "MemberExpression[object.name='Excel'][property.name='run']", message: "Only src/excel calls Excel.run." },
      ],
    },
  },
  {
    files: ["src/preview/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": rule([...nodeBuiltins, "**/cli/**"], "Browser code cannot use Node modules or the command line."),
    },
  },
  {
    files: ["src/taskpane/**/*.{ts,tsx}", "src/commands/**/*.ts"],
    rules: {
      "no-restricted-imports": rules(
        [[...nodeBuiltins, "**/cli/**"], "Browser code cannot use Node modules or the command line."],
        [coreInsides, faceOnly]
      ),
    },
  },
  {
    files: ["src/xlsx/**/*.ts"],
    rules: {
      "no-restricted-imports": rule(
        [...office, ...ui, ...nodeBuiltins, "**/excel/**", "**/preview/**", "**/taskpane/**", "**/commands/**", "**/cli/**", "**/render/**"],
        "src/xlsx is the spreadsheet-file gateway, shared by the command line and the preview: it takes and returns bytes, so no Node, Office or React, and nothing from the fronts."
      ),
    },
  },
  {
    files: ["src/cli/**/*.ts"],
    rules: {
      "no-restricted-imports": rules(
        [[...office, ...ui, "**/excel/**", "**/taskpane/**", "**/commands/**"], "The command line runs in Node over .xlsx files: no Office or React."],
        [coreInsides, faceOnly]
      ),
    },
  },
  {
    files: ["src/excel/**/*.ts"],
    rules: {
      "no-restricted-imports": rule([...ui, ...nodeBuiltins, "exceljs", "**/preview/**", "**/xlsx/**", "**/taskpane/**", "**/cli/**"], "src/excel is the Office.js gateway only."),
    },
  },
  {
    files: ["test/**/*.{ts,tsx}", "scripts/**/*.ts"],
    rules: { "office-addins/call-sync-before-read": "off", "office-addins/load-object-before-read": "off" },
  },
];
