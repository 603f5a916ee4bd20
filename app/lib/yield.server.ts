/**
 * For long loops on the main thread (a 2 MB spreadsheet, thousands of rows): call the returned function
 * often; it lets the event loop run other requests once `budgetMs` of work has passed since the last
 * pause. Awaiting an already-resolved promise does not do that (microtasks run before any I/O), and
 * better-sqlite3 answers synchronously, so loops of awaited queries would otherwise hold the server.
 */
export function cooperativeYield(budgetMs = 8): () => Promise<void> {
  let last = performance.now();
  return async () => {
    if (performance.now() - last < budgetMs) return;
    await new Promise<void>((resolve) => setImmediate(resolve));
    last = performance.now();
  };
}
