import { Agent, request } from 'node:http';

export interface RawResponse {
  readonly status: number;
  readonly contentType: string;
  readonly text: string;
}

export interface RawRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: Buffer;
}

const REQUEST_TIMEOUT_MS = 15_000;

/**
 * A plain node:http client: it sends bytes as given (bad percent-encoding, invalid UTF-8, false
 * content types), which fetch and supertest would fix or refuse.
 */
export class RawHttpClient {
  private readonly agent: Agent;

  constructor(
    private readonly port: number,
    concurrency: number,
  ) {
    this.agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  }

  send(raw: RawRequest): Promise<RawResponse> {
    return new Promise((resolve, reject) => {
      const outgoing = request(
        {
          host: '127.0.0.1',
          port: this.port,
          method: raw.method,
          path: raw.path,
          agent: this.agent,
          headers: { ...raw.headers, 'content-length': String(raw.body?.length ?? 0) },
          timeout: REQUEST_TIMEOUT_MS,
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('error', reject);
          response.on('end', () =>
            resolve({
              status: response.statusCode ?? 0,
              contentType: response.headers['content-type'] ?? '',
              text: Buffer.concat(chunks).toString('utf8'),
            }),
          );
        },
      );
      outgoing.on('timeout', () => outgoing.destroy(new Error(`no answer within ${REQUEST_TIMEOUT_MS} ms`)));
      outgoing.on('error', reject);
      outgoing.end(raw.body);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

/** Runs `task` over `items`, `concurrency` at a time, keeping the results in order. */
export async function mapConcurrently<Item, Result>(
  items: readonly Item[],
  concurrency: number,
  task: (item: Item) => Promise<Result>,
): Promise<Result[]> {
  const results: Result[] = new Array(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next;
      next += 1;
      results[index] = await task(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return results;
}
