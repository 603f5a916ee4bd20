import { setMaxListeners } from 'node:events';
import http from 'node:http';
import https from 'node:https';
import { MeilisearchApiError } from 'meilisearch';

/**
 * The Meilisearch client's transport over node:http with kept-alive sockets, in place of the global
 * fetch. Measured on this machine (docs/decisions/019): through fetch every search whose answer is
 * larger than about 1 KB took 44–48 ms on a kept-alive connection, whatever the index size (a
 * 40 ms delayed-ACK stall), while node:http answered the same request in about 1 ms.
 */
export type MeiliHttpClient = (
  input: string | URL | Request,
  init?: RequestInit,
) => Promise<unknown>;

export interface MeiliHttpClientOptions {
  /** Sockets kept per Meilisearch host (searches beyond it wait for a free one). */
  maxSockets?: number;
  /** Idle sockets are closed after this, before Meilisearch's own 5 s keep-alive would. */
  idleMs?: number;
}

export function createMeiliHttpClient(options: MeiliHttpClientOptions = {}): MeiliHttpClient {
  const agentOptions = {
    keepAlive: true,
    maxSockets: options.maxSockets ?? 64,
    timeout: options.idleMs ?? 4_000,
  };
  const agents = { http: new http.Agent(agentOptions), https: new https.Agent(agentOptions) };

  return async function meiliHttpClient(input, init = {}) {
    const url = new URL(input instanceof Request ? input.url : input);
    const body = requestBody(init.body);
    const headers = Object.fromEntries(new Headers(init.headers));
    if (body !== undefined) headers['content-length'] = String(Buffer.byteLength(body));
    const send = () =>
      exchange(url, { method: init.method ?? 'GET', headers, body, signal: init.signal }, agents);
    let answer: Answer;
    try {
      answer = await send();
    } catch (error) {
      // A kept-alive socket the server closed while idle: the request never reached it, so send again.
      if (!(error instanceof StaleSocketError)) throw error;
      answer = await send();
    }
    const parsed: unknown = answer.text === '' ? undefined : JSON.parse(answer.text);
    if (answer.status < 200 || answer.status > 299) {
      const response = new Response(answer.text === '' ? null : answer.text, {
        status: answer.status,
        headers: answer.headers,
      });
      throw new MeilisearchApiError(
        response,
        parsed as ConstructorParameters<typeof MeilisearchApiError>[1],
      );
    }
    return parsed;
  };
}

interface Answer {
  status: number;
  headers: Record<string, string>;
  text: string;
}

class StaleSocketError extends Error {}

function requestBody(body: RequestInit['body']): string | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string') return body;
  throw new TypeError('The Meilisearch HTTP client sends only text bodies');
}

function exchange(
  url: URL,
  request: {
    method: string;
    headers: Record<string, string>;
    body: string | undefined;
    signal: AbortSignal | null | undefined;
  },
  agents: { http: http.Agent; https: https.Agent },
): Promise<Answer> {
  const secure = url.protocol === 'https:';
  const transport = secure ? https : http;
  return new Promise<Answer>((resolve, reject) => {
    const { signal } = request;
    if (signal?.aborted) return reject(signal.reason);
    // waitTask shares one signal across its polls and the client leaves one listener on it per poll
    // (meilisearch 0.62, http-requests.ts); that signal ends with the wait, so the count is not a leak.
    if (signal) setMaxListeners(0, signal);
    const req = transport.request(
      url,
      {
        method: request.method,
        headers: request.headers,
        agent: secure ? agents.https : agents.http,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          signal?.removeEventListener('abort', onAbort);
          const headers: Record<string, string> = {};
          for (const [name, value] of Object.entries(res.headers))
            if (value !== undefined)
              headers[name] = Array.isArray(value) ? value.join(', ') : value;
          resolve({
            status: res.statusCode ?? 0,
            headers,
            text: Buffer.concat(chunks).toString('utf8'),
          });
        });
      },
    );
    // The library's timeout aborts with its own reason, which it recognises to report a timeout.
    const onAbort = () => {
      req.destroy();
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    req.on('error', (error: NodeJS.ErrnoException) => {
      signal?.removeEventListener('abort', onAbort);
      if (req.reusedSocket && error.code === 'ECONNRESET')
        reject(new StaleSocketError(error.message));
      else reject(error);
    });
    req.end(request.body);
  });
}
