/** Unit tests run in Node through ts-jest; browser tests live in test/browser and have their own project. */
const tsJest = [
  "ts-jest",
  {
    tsconfig: {
      module: "CommonJS",
      moduleResolution: "Node10",
      jsx: "react-jsx",
      esModuleInterop: true,
      resolveJsonModule: true,
      isolatedModules: true,
    },
    diagnostics: false,
  },
];

module.exports = {
  projects: [
    {
      displayName: "unit",
      testEnvironment: "node",
      // Generous: CI's two cores also run the type-check and the browser build; a slow machine
      // must not turn a passing test into a timeout.
      testTimeout: 30_000,
      roots: ["<rootDir>/test", "<rootDir>/src"],
      testMatch: ["**/*.test.ts", "**/*.test.tsx"],
      testPathIgnorePatterns: ["/node_modules/", "<rootDir>/test/browser/"],
      transform: { "^.+\\.tsx?$": tsJest },
    },
    {
      displayName: "browser",
      testEnvironment: "node",
      roots: ["<rootDir>/test/browser"],
      testMatch: ["**/*.test.ts"],
      transform: { "^.+\\.tsx?$": tsJest },
    },
  ],
};
