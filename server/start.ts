// The production entry (build/app-server/index.js, see server/bundle.ts): patches route matching before
// anything loads React Router, then starts the server (main.js, compiled from server/index.ts).
import { installRouteMatchingMemo } from './route-matching';

// ROUTE_MATCHING_MEMO=off measures without it (npm run bench:http).
if (process.env.ROUTE_MATCHING_MEMO !== 'off') installRouteMatchingMemo();
// @ts-expect-error -- main.js exists only in the compiled output, next to this file.
await import('./main.js');
