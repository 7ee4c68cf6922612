// Rewrites the manifest's development URLs (https://localhost:3000/...) to where the production
// build is hosted. One setting decides it: ADDIN_ORIGIN, or package.json "config.prod_origin".
// A base with a path ("https://host/addin/") keeps the path for pages and icons; AppDomain
// takes the origin alone.
const DEV_ORIGIN = "https://localhost:3000";

function rewriteOrigin(xml, base) {
  const url = new URL(base);
  const withPath = url.href.replace(/\/$/, "");
  return xml
    .split(`<AppDomain>${DEV_ORIGIN}</AppDomain>`)
    .join(`<AppDomain>${url.origin}</AppDomain>`)
    .split(`${DEV_ORIGIN}/`)
    .join(`${withPath}/`);
}

module.exports = { DEV_ORIGIN, rewriteOrigin };
