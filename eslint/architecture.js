// Lint rules that hold our architecture (docs/ARCHITECTURE.md): which folder may import which, through
// which entry, and where the database may be touched. Plain JavaScript so ESLint loads it as it is.
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');

/**
 * The domain folders under app/ and the domains each one may import (through their public entries).
 * The table is checked for cycles when the config loads, so a folder-level import cycle cannot be
 * written without first changing this table — and the table cannot hold one.
 */
export const DOMAIN_DEPENDENCIES = {
  audit: [],
  email: [],
  accounts: ['audit', 'email'],
  search: [],
  catalogue: ['accounts', 'audit', 'email', 'search'],
  traceability: ['accounts', 'audit', 'catalogue', 'email'],
  orders: ['accounts', 'audit', 'catalogue', 'email'],
  payments: ['accounts', 'audit', 'catalogue', 'orders'],
  reviews: ['accounts', 'audit', 'catalogue', 'orders'],
  tradeoffice: ['accounts', 'audit', 'catalogue', 'orders', 'payments', 'search', 'traceability'],
  // A composition folder, not a domain: puts the demo together across domains (catalogue, then
  // traceability). It may import every domain; only the server, scripts and tests import it.
  demo: [
    'accounts',
    'audit',
    'catalogue',
    'email',
    'orders',
    'payments',
    'reviews',
    'search',
    'traceability',
    'tradeoffice',
  ],
  // A composition folder too: the background jobs (decision 011), run by the server and `npm run worker`.
  jobs: ['accounts', 'catalogue', 'email', 'orders', 'payments', 'traceability'],
};

/** Composition folders: imported only from the outer layers listed here. */
const COMPOSITION = { demo: ['server', 'scripts', 'tests'], jobs: ['server', 'scripts', 'tests'] };

export const DOMAINS = Object.keys(DOMAIN_DEPENDENCIES);

/** Folders every domain may use: shared helpers and the message catalogue. Neither imports a domain. */
const SHARED = ['lib', 'i18n'];

/** A domain's public entries: isomorphic (`index.ts`) and server-only (`index.server.ts`). */
const PUBLIC_ENTRIES = new Set(['index', 'index.server']);

function assertAcyclic(graph) {
  const state = new Map();
  const visit = (node, trail) => {
    if (state.get(node) === 'done') return;
    if (state.get(node) === 'open') {
      throw new Error(
        `eslint/architecture.js: domain dependency cycle ${[...trail, node].join(' → ')}`,
      );
    }
    state.set(node, 'open');
    for (const next of graph[node] ?? []) visit(next, [...trail, node]);
    state.set(node, 'done');
  };
  for (const node of Object.keys(graph)) visit(node, []);
}
assertAcyclic(DOMAIN_DEPENDENCIES);

/**
 * Where a file sits: a domain, a shared folder, or one of the outer layers (routes, components, the
 * app shell, the server composition root, db, scripts, tests).
 */
export function areaOf(file) {
  const rel = path.relative(ROOT, file).split(path.sep);
  if (rel[0] === 'app') {
    const folder = rel[1];
    // app/root.tsx, app/entry.server.tsx, app/routes.ts; a bare folder (`~/catalogue`) is that folder.
    if (rel.length === 2 && /\.[a-z]+$/.test(folder)) return { area: 'shell' };
    if (DOMAINS.includes(folder)) return { area: 'domain', name: folder };
    if (SHARED.includes(folder)) return { area: 'shared', name: folder };
    if (folder === 'routes' || folder === 'components' || folder === 'styles')
      return { area: folder };
    return { area: 'other', name: folder };
  }
  if (['server', 'db', 'scripts', 'tests'].includes(rel[0])) return { area: rel[0] };
  return { area: 'other', name: rel[0] };
}

/** The repository path an import specifier points at, or null for a package. */
function resolveSpecifier(file, specifier) {
  if (specifier.startsWith('~/')) return path.join(ROOT, 'app', specifier.slice(2));
  if (specifier.startsWith('~db/')) return path.join(ROOT, 'db', specifier.slice(4));
  if (specifier.startsWith('.')) return path.resolve(path.dirname(file), specifier);
  return null;
}

function entryName(target) {
  return path.basename(target).replace(/\.(tsx?|jsx?)$/, '');
}

const DATABASE_PACKAGES = ['kysely', 'better-sqlite3', 'pg'];

function importsOf(context, visit) {
  const check = (node) => {
    if (!node.source || typeof node.source.value !== 'string') return;
    const typeOnly =
      node.importKind === 'type' ||
      node.exportKind === 'type' ||
      (node.specifiers?.length > 0 &&
        node.specifiers.every((s) => s.importKind === 'type' || s.exportKind === 'type'));
    visit(node, node.source.value, typeOnly);
  };
  return {
    ImportDeclaration: check,
    ExportNamedDeclaration: check,
    ExportAllDeclaration: check,
    ImportExpression: (node) => {
      if (node.source.type === 'Literal') visit(node, node.source.value, false);
    },
  };
}

const domainBoundaries = {
  meta: {
    type: 'problem',
    docs: {
      description: 'Domains are used through their public entries and in the declared order',
    },
    schema: [],
    messages: {
      internal:
        "'{{specifier}}' reaches into the {{domain}} domain's internals: import '~/{{domain}}' or '~/{{domain}}/index.server' (add the export there).",
      notAllowed:
        'The {{from}} domain may not import the {{domain}} domain (eslint/architecture.js DOMAIN_DEPENDENCIES: {{allowed}}). Invert the dependency or move the code.',
      sharedImportsDomain:
        'app/{{from}} is shared by every domain and may not import the {{domain}} domain: move what it needs into app/{{from}} or pass it in.',
      serverInClient:
        "Components run in the browser: import '~/{{domain}}', not its server entry (type-only imports are fine).",
      database:
        "'{{specifier}}': the database belongs to the domain modules. Call a domain function instead.",
      upward: "'{{specifier}}': {{from}} code may not import {{to}} code.",
      composition:
        "'{{specifier}}': app/{{domain}} composes the domains and is imported only by {{allowed}}.",
    },
  },
  create(context) {
    const file = context.filename;
    const from = areaOf(file);
    if (from.area === 'tests' || from.area === 'other') return {};
    return importsOf(context, (node, specifier, typeOnly) => {
      const report = (messageId, data) =>
        context.report({ node, messageId, data: { specifier, ...data } });
      const target = resolveSpecifier(file, specifier);
      if (!target) {
        const pkg = specifier.split('/')[0];
        const dbPackage = DATABASE_PACKAGES.includes(pkg);
        if (
          dbPackage &&
          ['routes', 'components', 'shell', 'shared'].includes(from.area) &&
          !typeOnly
        ) {
          report('database');
        }
        return;
      }
      const to = areaOf(target);
      if (to.area === 'db') {
        if (['routes', 'components', 'shell', 'shared'].includes(from.area) && !typeOnly)
          report('database');
        return;
      }
      // Benchmarks reuse the test helpers that start a real server.
      const benchUsesTestHelpers = from.area === 'scripts' && to.area === 'tests';
      if (
        ['server', 'scripts', 'tests'].includes(to.area) &&
        to.area !== from.area &&
        !benchUsesTestHelpers
      ) {
        report('upward', { from: from.area, to: to.area });
        return;
      }
      if (from.area === 'db') {
        if (to.area !== 'db') report('upward', { from: 'db', to: to.name ?? to.area });
        return;
      }
      if (
        ['routes', 'components', 'shell'].includes(to.area) &&
        from.area !== 'routes' &&
        from.area !== 'shell'
      ) {
        if (!(from.area === 'components' && to.area === 'components') && from.area !== 'server') {
          report('upward', { from: from.name ?? from.area, to: to.area });
        }
        return;
      }
      if (to.area === 'shared' && from.area === 'shared' && to.name !== from.name) {
        // lib may use i18n (messages); i18n is the bottom and imports nothing of ours.
        if (!(from.name === 'lib' && to.name === 'i18n'))
          report('upward', { from: from.name, to: to.name });
        return;
      }
      if (to.area !== 'domain') return;
      if (from.area === 'domain' && from.name === to.name) return;
      if (COMPOSITION[to.name] && !COMPOSITION[to.name].includes(from.area)) {
        report('composition', { domain: to.name, allowed: COMPOSITION[to.name].join(', ') });
        return;
      }
      if (from.area === 'shared') {
        report('sharedImportsDomain', { from: from.name, domain: to.name });
        return;
      }
      if (from.area === 'domain' && !DOMAIN_DEPENDENCIES[from.name].includes(to.name)) {
        report('notAllowed', {
          from: from.name,
          domain: to.name,
          allowed: DOMAIN_DEPENDENCIES[from.name].join(', ') || 'none',
        });
        return;
      }
      const entry = entryName(target);
      const isEntry =
        path.dirname(target) === path.join(ROOT, 'app', to.name) && PUBLIC_ENTRIES.has(entry);
      const isFolderEntry = target === path.join(ROOT, 'app', to.name);
      if (!isEntry && !isFolderEntry) {
        report('internal', { domain: to.name });
        return;
      }
      if (from.area === 'components' && entry === 'index.server' && !typeOnly) {
        report('serverInClient', { domain: to.name });
      }
    });
  },
};

const QUERY_METHODS = new Set([
  'selectFrom',
  'insertInto',
  'updateTable',
  'deleteFrom',
  'replaceInto',
  'mergeInto',
  'transaction',
]);

const noQueriesOutsideDomains = {
  meta: {
    type: 'problem',
    docs: { description: 'Routes and components never build queries; domain modules do' },
    schema: [],
    messages: {
      query:
        "'.{{method}}()' builds a database query outside a domain module: call a domain function.",
    },
  },
  create(context) {
    const { area } = areaOf(context.filename);
    if (!['routes', 'components', 'shell'].includes(area)) return {};
    return {
      CallExpression(node) {
        const callee = node.callee;
        if (callee.type === 'MemberExpression' && callee.property.type === 'Identifier') {
          if (QUERY_METHODS.has(callee.property.name)) {
            context.report({ node, messageId: 'query', data: { method: callee.property.name } });
          }
        }
      },
    };
  },
};

export default {
  meta: { name: 'architecture' },
  rules: {
    'domain-boundaries': domainBoundaries,
    'no-queries-outside-domains': noQueriesOutsideDomains,
  },
};
