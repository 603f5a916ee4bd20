import { test as base, expect, type BrowserContext } from '@playwright/test';

/**
 * Every browser test fails on a console error or an uncaught error in any page it opened (its own page
 * and pages of contexts it creates with `browser.newContext()`), including errors thrown by client
 * bundles. The one exception: Chromium logs "Failed to load resource … status of 4xx" when a fetch gets
 * an expected client error (a form answered 400, a 404 page): that is the app answering, not a bug.
 * A 5xx is never excused. A Content-Security-Policy violation is an error too: Chromium logs "Refused to
 * …" as a console error, and a `securitypolicyviolation` listener in every page reports any it did not.
 */
const EXPECTED_CLIENT_ERROR =
  /^Failed to load resource: the server responded with a status of 4\d\d/;

export const test = base.extend<{ failOnConsoleErrors: void }>({
  failOnConsoleErrors: [
    async ({ browser, context }, use, testInfo) => {
      const errors: string[] = [];
      const watch = (ctx: BrowserContext) => {
        void ctx.addInitScript(() => {
          document.addEventListener('securitypolicyviolation', (event) => {
            console.error(
              `CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`,
            );
          });
        });
        ctx.on('console', (message) => {
          if (message.type() !== 'error' || EXPECTED_CLIENT_ERROR.test(message.text())) return;
          const where = message.location().url;
          errors.push(`console.error: ${message.text()}${where ? ` (${where})` : ''}`);
        });
        ctx.on('weberror', (error) =>
          errors.push(`uncaught: ${error.error().stack ?? error.error()}`),
        );
      };
      watch(context);
      const newContext = browser.newContext.bind(browser);
      browser.newContext = async (...args: Parameters<typeof newContext>) => {
        const created = await newContext(...args);
        watch(created);
        return created;
      };
      await use();
      browser.newContext = newContext;
      if (errors.length) await testInfo.attach('console-errors', { body: errors.join('\n') });
      expect(errors, 'console errors in the browser').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
