import fs from 'node:fs';
import Module, { createRequire } from 'node:module';
import type * as Router from '@remix-run/router';
import { describe, expect, it } from 'vitest';
import { memoizeRouteMatching } from '../../server/route-matching';

// The production server rewrites React Router's matcher to memoize it (server/route-matching.ts). The
// installed router must still have the shape the rewrite expects, and match exactly as before.
const require = createRequire(import.meta.url);
const routerFile = require.resolve('@remix-run/router');

function load(source: string) {
  const module = new Module(routerFile) as Module & { _compile(code: string, file: string): void };
  module.filename = routerFile;
  module.paths = (
    Module as unknown as { _nodeModulePaths(dir: string): string[] }
  )._nodeModulePaths(routerFile);
  module._compile(source, routerFile);
  return module.exports as typeof Router;
}

const routes = [
  {
    id: 'root',
    path: '',
    children: [
      { id: 'home', index: true },
      { id: 'products', path: 'san-pham' },
      { id: 'product', path: 'san-pham/:slug' },
      { id: 'scan', path: '01/:gtin/10/:lot/21/:serial' },
      { id: 'province', path: 'tinh/:slug' },
      { id: 'splat', path: '*' },
    ],
  },
];

describe('memoizeRouteMatching', () => {
  it('rewrites the installed router', () => {
    expect(memoizeRouteMatching(fs.readFileSync(routerFile, 'utf8'))).not.toBeNull();
    expect(memoizeRouteMatching('function somethingElse() {}')).toBeNull();
  });

  it('matches like the original router, also when asked again', () => {
    const source = fs.readFileSync(routerFile, 'utf8');
    const original = load(source);
    const memoized = load(memoizeRouteMatching(source)!);
    const ids = (router: typeof original, path: string) =>
      router.matchRoutes(routes, path)?.map((m) => [m.route.id, m.params]);
    for (let round = 0; round < 2; round++) {
      for (const path of [
        '/',
        '/san-pham',
        '/san-pham/mat-ong-ban-xeo',
        '/01/08938400000004/10/LOT-1/21/42',
        '/tinh/lao-cai',
        '/khong-co/trang-nay',
        '/SAN-PHAM',
      ]) {
        expect(ids(memoized, path)).toEqual(ids(original, path));
        expect(ids(memoized, path)?.at(-1)?.[0]).toBeDefined();
      }
    }
    expect(memoized.matchPath('/san-pham/:slug', '/san-pham/x')?.params).toEqual({ slug: 'x' });
    expect(memoized.matchPath({ path: '/a', end: false }, '/a/b')?.pathnameBase).toBe('/a');
    expect(memoized.matchPath({ path: '/a', end: true }, '/a/b')).toBeNull();
  });
});
