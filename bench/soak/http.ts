import http from 'node:http';

/** One request of the mix: what it is (for the per-kind figures), and what to do with the answer. */
export interface SoakRequest {
  readonly kind: string;
  readonly method: 'GET' | 'PUT' | 'POST' | 'PATCH' | 'DELETE';
  readonly path: string;
  readonly token?: string;
  readonly body?: unknown;
  /** Given the status and body of every answer; only then is the body read. */
  readonly onAnswer?: (status: number, body: string) => void;
}

/** No answer at all: refused, reset, or not answered in time. */
export const NO_ANSWER = 0;

/**
 * A kept-alive socket idle this long is closed by the client, before the service's own keep-alive
 * timeout (Fastify's 72 s) closes it: a request sent on a socket the server is closing that very
 * moment is reset, a race every HTTP/1.1 client must avoid or retry.
 */
const IDLE_SOCKET_MS = 30_000;

/**
 * Keep-alive connections to one service, lighter than fetch on a machine the service shares: the
 * load generator must not be what limits the load.
 */
export class SoakClient {
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: 256, timeout: IDLE_SOCKET_MS });
  /** Why requests got no answer ("ECONNRESET on a reused socket", "timed out"…), with how many. */
  readonly failures: Record<string, number> = {};
  private readonly host: string;
  private readonly port: number;

  constructor(
    baseUrl: string,
    private readonly timeoutMs: number,
  ) {
    const url = new URL(baseUrl);
    this.host = url.hostname;
    this.port = Number(url.port);
  }

  /** The status (NO_ANSWER when none came); never rejects. */
  send(request: SoakRequest): Promise<number> {
    return new Promise((resolve) => {
      const payload = request.body === undefined ? undefined : JSON.stringify(request.body);
      const headers: Record<string, string> = {};
      if (request.token) headers['authorization'] = `Bearer ${request.token}`;
      if (payload !== undefined) {
        headers['content-type'] = 'application/json';
        headers['content-length'] = String(Buffer.byteLength(payload));
      }
      let settled = false;
      const settle = (status: number): void => {
        if (settled) return;
        settled = true;
        resolve(status);
      };
      const outgoing = http.request(
        {
          agent: this.agent,
          host: this.host,
          port: this.port,
          method: request.method,
          path: request.path,
          headers,
        },
        (response) => {
          const status = response.statusCode ?? NO_ANSWER;
          if (!request.onAnswer) {
            response.resume();
            response.on('end', () => settle(status));
          } else {
            const chunks: Buffer[] = [];
            response.on('data', (chunk: Buffer) => chunks.push(chunk));
            response.on('end', () => {
              request.onAnswer!(status, Buffer.concat(chunks).toString('utf8'));
              settle(status);
            });
          }
          response.on('error', (error) => fail(error, 'while reading the answer'));
        },
      );
      const fail = (error: Error, when: string): void => {
        if (settled) return;
        const code = (error as NodeJS.ErrnoException).code ?? error.message;
        const reason = `${code} ${when}, ${outgoing.reusedSocket ? 'reused' : 'new'} socket`;
        this.failures[reason] = (this.failures[reason] ?? 0) + 1;
        settle(NO_ANSWER);
      };
      outgoing.setTimeout(this.timeoutMs, () => outgoing.destroy(new Error('timed out')));
      outgoing.on('error', (error) => fail(error, 'before an answer'));
      outgoing.end(payload);
    });
  }

  /** A GET outside the measured load (lag, metrics): the body, or null when it failed. */
  async get(path: string, token?: string): Promise<string | null> {
    let text: string | null = null;
    await this.send({
      kind: 'monitor',
      method: 'GET',
      path,
      ...(token ? { token } : {}),
      onAnswer: (status, body) => {
        if (status === 200) text = body;
      },
    });
    return text;
  }

  close(): void {
    this.agent.destroy();
  }
}
