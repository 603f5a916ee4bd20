import { Transform, type TransformCallback } from 'node:stream';
import {
  type AppLoadContext,
  type EntryContext,
  createReadableStreamFromReadable,
} from '@remix-run/node';
import { RemixServer } from '@remix-run/react';
import { isbot } from 'isbot';
import { renderToPipeableStream } from 'react-dom/server';
import { InlineStylesContext } from '~/components/InlineStyles';
import { NonceContext } from '~/components/NonceContext';
import appCss from '~/styles/app.css?inline';
import buyerCss from '~/styles/buyer.css?inline';
import ordersCss from '~/styles/orders.css?inline';

/** In the order root.tsx linked them before they were inlined. */
export const inlineStyles = [appCss, ordersCss, buyerCss].join('\n');

const ABORT_DELAY = 5_000;

/**
 * React 18.3's Node renderer writes its whole 2 KB buffer when a multi-byte character does not fit at
 * its end, so the unused last byte goes out as U+0000 (Vietnamese text hits this on most large pages).
 * HTML never needs a NUL byte, so we drop them on the way out.
 */
class DropNulBytes extends Transform {
  _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
    callback(null, chunk.includes(0) ? Buffer.from(chunk.filter((byte) => byte !== 0)) : chunk);
  }
}

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  // Bots and no-JS clients get the whole document at once; browsers get the shell as soon as it is ready.
  const nonce = loadContext.cspNonce || undefined;
  const waitForAll = isbot(request.headers.get('user-agent') ?? '') || remixContext.isSpaMode;
  return new Promise((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceContext.Provider value={nonce ?? ''}>
        <InlineStylesContext.Provider value={inlineStyles}>
          <RemixServer
            context={remixContext}
            url={request.url}
            abortDelay={ABORT_DELAY}
            nonce={nonce}
          />
        </InlineStylesContext.Provider>
      </NonceContext.Provider>,
      {
        nonce,
        [waitForAll ? 'onAllReady' : 'onShellReady']() {
          shellRendered = true;
          const body = new DropNulBytes();
          responseHeaders.set('Content-Type', 'text/html; charset=utf-8');
          resolve(
            new Response(createReadableStreamFromReadable(body), {
              headers: responseHeaders,
              status: responseStatusCode,
            }),
          );
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          // Errors after the shell are logged here; before it, Remix's error boundary handles them.
          if (shellRendered) console.error(error);
        },
      },
    );
    setTimeout(abort, ABORT_DELAY);
  });
}
