/**
 * The bare floor of `npm run bench:images`: a plain node:http server answering
 * `GET /images/posters/<hash>.webp` as the service does, from the same folder of the same disk,
 * read per request as the service's image store reads it (only checked to exist when the request
 * holds its ETag), with the same headers and the same 304; no framework, logging or metrics. Run as its own process by the bench, so it
 * shares the machine exactly as the service does.
 *
 * Environment: PORT, IMAGES_DIR.
 */
import { access, readFile } from 'node:fs/promises';
import http from 'node:http';
import { join } from 'node:path';

const folder = process.env.IMAGES_DIR;
if (!folder) throw new Error('IMAGES_DIR is not set');
const SERVED = /^\/images\/posters\/([0-9a-f]{32})\.webp$/;

const notFound = (response: http.ServerResponse): void => {
  response.writeHead(404, { 'content-length': '0' });
  response.end();
};

const server = http.createServer((request, response) => {
  const hash = SERVED.exec(request.url ?? '')?.[1];
  if (request.method !== 'GET' || !hash) return notFound(response);
  const path = join(folder, 'posters', `${hash}.webp`);
  const etag = `"${hash}"`;
  const headers = {
    'cache-control': 'public, max-age=31536000, immutable',
    etag,
    'x-content-type-options': 'nosniff',
  };
  if (request.headers['if-none-match'] === etag) {
    access(path).then(
      () => {
        response.writeHead(304, headers);
        response.end();
      },
      () => notFound(response),
    );
    return;
  }
  readFile(path).then(
    (bytes) => {
      response.writeHead(200, { ...headers, 'content-type': 'image/webp', 'content-length': bytes.length });
      response.end(bytes);
    },
    () => notFound(response),
  );
});

server.listen(Number(process.env.PORT), '127.0.0.1', () => process.send?.('listening'));
process.once('SIGTERM', () => server.close(() => process.exit(0)));
