import fs from 'node:fs';
import Module from 'node:module';

/*
 * React Router 6's matchRoutes flattens and ranks the whole route tree and compiles every route path to a
 * regular expression on every call, and Remix calls it several times per request (request handler,
 * static handler, React's router): about 3 ms a request in the product page's CPU profile (issue 16).
 * The route tree of a production build never changes, so the ranked branches can be kept per routes
 * array and compiled paths per pattern. The router has no hook for this, so its CommonJS source is
 * rewritten as Node loads it (the production server only: server/start.ts loads this first). When
 * its source no longer has the expected shape, nothing is changed and matching works as before.
 */
const ROUTER_FILE = /[\\/]@remix-run[\\/]router[\\/]dist[\\/]router\.cjs\.js$/;
const RANK = '  let branches = flattenRoutes(routes);\n  rankRouteBranches(branches);\n';
const COMPILE = 'function compilePath(path, caseSensitive, end) {\n';
const MEMO = `
const memoizedBranches = new WeakMap();
function rankedBranches(routes) {
  let branches = memoizedBranches.get(routes);
  if (!branches) {
    branches = flattenRoutes(routes);
    rankRouteBranches(branches);
    memoizedBranches.set(routes, branches);
  }
  return branches;
}
const compiledPaths = new Map();
function compilePath(path, caseSensitive, end) {
  const key = (caseSensitive ? "1" : "0") + (end === false ? "0" : "1") + path;
  let compiled = compiledPaths.get(key);
  if (!compiled) {
    compiled = compilePathUncached(path, caseSensitive, end);
    if (compiledPaths.size >= 2000) compiledPaths.clear();
    compiledPaths.set(key, compiled);
  }
  return compiled;
}
`;

/** The router's source with matching memoized, or null when it does not have the expected shape. */
export function memoizeRouteMatching(source: string): string | null {
  if (source.split(RANK).length !== 2 || source.split(COMPILE).length !== 2) return null;
  return (
    source
      .replace(RANK, '  let branches = rankedBranches(routes);\n')
      .replace(COMPILE, 'function compilePathUncached(path, caseSensitive, end) {\n') + MEMO
  );
}

type Extension = (
  module: NodeModule & { _compile(code: string, file: string): void },
  file: string,
) => void;

export function installRouteMatchingMemo() {
  const extensions = (Module as unknown as { _extensions: Record<string, Extension> })._extensions;
  const load = extensions['.js']!;
  extensions['.js'] = function (module, file) {
    if (!ROUTER_FILE.test(file)) return load(module, file);
    const patched = memoizeRouteMatching(fs.readFileSync(file, 'utf8'));
    if (!patched) return load(module, file);
    module._compile(patched, file);
  };
}
