/** A tiny cookie-keeping HTTP client for driving Remix forms without a browser. */
export class FormClient {
  private cookies = new Map<string, string>();
  constructor(readonly baseUrl: string) {}

  private remember(response: Response) {
    for (const header of response.headers.getSetCookie()) {
      const [pair = ''] = header.split(';');
      const [name = '', ...value] = pair.split('=');
      if (/max-age=0/i.test(header)) this.cookies.delete(name.trim());
      else this.cookies.set(name.trim(), value.join('='));
    }
  }

  get cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async get(path: string): Promise<Response> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      headers: { Cookie: this.cookieHeader },
      redirect: 'manual',
    });
    this.remember(response);
    return response;
  }

  async post(
    path: string,
    fields: Record<string, string> | FormData,
    headers: Record<string, string> = {},
  ): Promise<Response> {
    const body = fields instanceof FormData ? fields : new URLSearchParams(fields);
    const response = await fetch(`${this.baseUrl}${path}`, {
      method: 'POST',
      body,
      headers: { Cookie: this.cookieHeader, ...headers },
      redirect: 'manual',
    });
    this.remember(response);
    return response;
  }
}
