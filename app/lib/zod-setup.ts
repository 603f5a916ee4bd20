import { z } from 'zod';

// Zod 4 compiles object parsers with `new Function` when it may; under our Content-Security-Policy
// (no 'unsafe-eval', decision 013) the browser refuses and reports a violation. In the browser we ask
// for the interpreted parsers. This module is imported before any schema is built (root.tsx, form.ts).
if (typeof document !== 'undefined') z.config({ jitless: true });
