import { afterEach, beforeEach, vi } from 'vitest';

// Any console.error during a test is a bug we did not expect: fail the test with it.
beforeEach(() => {
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    throw new Error(`console.error called: ${args.map(String).join(' ')}`);
  });
});
afterEach(() => {
  vi.restoreAllMocks();
});
