import { vitePlugin as remix } from '@remix-run/dev';
import { defineConfig } from 'vite';
import tsconfigPaths from 'vite-tsconfig-paths';
import { bundleServer } from './server/bundle';

declare module '@remix-run/node' {
  interface Future {
    v3_singleFetch: true;
  }
}

export default defineConfig({
  plugins: [
    remix({
      future: {
        v3_fetcherPersist: true,
        v3_relativeSplatPath: true,
        v3_throwAbortReason: true,
        v3_singleFetch: true,
        v3_lazyRouteDiscovery: true,
        v3_routeConfig: true,
      },
    }),
    tsconfigPaths(),
    {
      // After the Remix server build, compile the Express server for `npm start` (server/bundle.ts).
      name: 'cho-phien-server-bundle',
      apply: 'build',
      async closeBundle() {
        if (this.environment.config.build.ssr) await bundleServer(import.meta.dirname);
      },
    },
  ],
  build: { target: 'es2022' },
});
