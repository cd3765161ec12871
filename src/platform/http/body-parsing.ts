import { STATUS_CODES } from 'node:http';
import { PassThrough, type Readable } from 'node:stream';
import type { Transform } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { BadRequestException, UnsupportedMediaTypeException } from '@nestjs/common';
import type { FastifyReply, FastifyRequest, RawRequestDefaultExpression } from 'fastify';

/**
 * The request bodies the API and the pages read, parsed as the Express adapter's body-parser
 * parsed them (API.md "Errors"): JSON in strict mode (an object or an array; an empty body is
 * `{}`), UTF charsets only, gzip/deflate/br bodies inflated, any other content type left
 * unread (the body is then undefined, and validation names the missing fields).
 */

/** body-parser's default limit ("100kb"), for JSON and form bodies alike. */
export const BODY_LIMIT_BYTES = 100 * 1024;

/** Pictures (posters) are read whole, as bytes, up to 10 MB; a larger one is a 413. */
export const IMAGE_BODY_LIMIT_BYTES = 10 * 1024 * 1024;
export const IMAGE_CONTENT_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;

/** A picture's body as it came: the route decides what it is. */
export function keepImageBody(_request: FastifyRequest, body: Buffer, done: ParserDone): void {
  done(null, body);
}

const PARSED_TYPES = /^\s*application\/(json|x-www-form-urlencoded)\s*(;|$)/i;
const CHARSET = /;\s*charset\s*=\s*"?([^";\s]*)/i;
/** body-parser's strict mode: the first character that is not JSON whitespace. */
const FIRST_CHARACTER = /^[ \t\n\r]*([^ \t\n\r])/;

const INFLATERS: Readonly<Record<string, () => Transform>> = {
  gzip: createGunzip,
  deflate: createInflate,
  br: createBrotliDecompress,
};

type ParserDone = (error: Error | null, body?: unknown) => void;

function decode(body: Buffer, contentType: string | undefined): string {
  const charset = (CHARSET.exec(contentType ?? '')?.[1] ?? 'utf-8').toLowerCase();
  if (!charset.startsWith('utf-')) {
    throw new UnsupportedMediaTypeException(`unsupported charset "${charset.toUpperCase()}"`);
  }
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charset);
  } catch {
    throw new UnsupportedMediaTypeException('specified encoding unsupported');
  }
  // TextDecoder drops a byte-order mark, as body-parser's decoder does.
  return decoder.decode(body);
}

/** The JSON body parser (Nest's useBodyParser hands it the whole body as a Buffer). */
export function parseJsonBody(request: FastifyRequest, body: Buffer, done: ParserDone): void {
  try {
    if (body.length === 0) return done(null, {});
    const text = decode(body, request.headers['content-type']);
    const first = FIRST_CHARACTER.exec(text)?.[1];
    if (first !== undefined && first !== '{' && first !== '[') {
      const cause = new SyntaxError(`Unexpected token '${first}', "${text.slice(0, 20)}" is not valid JSON`);
      return done(new BadRequestException(cause.message, { cause }));
    }
    done(null, JSON.parse(text) as unknown);
  } catch (error) {
    if (error instanceof SyntaxError) return done(new BadRequestException(error.message, { cause: error }));
    done(error as Error);
  }
}

/** Bodies of a content type nobody parses are left unread, as body-parser leaves them. */
export function leaveBodyUnread(
  _request: FastifyRequest,
  _payload: RawRequestDefaultExpression,
  done: ParserDone,
): void {
  done(null, undefined);
}

/**
 * A `preParsing` hook: inflates a JSON or form body sent compressed. Fastify's body limit then
 * counts the inflated bytes, and its Content-Length check the bytes received. Other bodies, and
 * bodies without Content-Encoding (nearly all), pass as they are.
 */
export function inflateRequestBody(
  request: FastifyRequest,
  _reply: FastifyReply,
  payload: Readable,
  done: (error: Error | null, payload?: Readable) => void,
): void {
  const encoding = request.headers['content-encoding'];
  if (encoding === undefined || !PARSED_TYPES.test(request.headers['content-type'] ?? '')) {
    return done(null, payload);
  }
  const name = encoding.trim().toLowerCase();
  if (name === 'identity') return done(null, payload);
  const inflater = INFLATERS[name];
  if (!inflater) return done(new UnsupportedMediaTypeException(`unsupported content encoding "${name}"`));
  const inflate = inflater();
  const inflated = Object.assign(new PassThrough(), { receivedEncodedLength: 0 });
  // Fastify stops listening once it has answered (a body too large); a later failure must not go unheard.
  inflated.on('error', () => undefined);
  payload.on('data', (chunk: Buffer) => {
    inflated.receivedEncodedLength += chunk.length;
  });
  payload.on('error', (error) => inflated.destroy(error));
  // Data that does not inflate is the client's mistake (400 naming the body), as with body-parser.
  inflate.on('error', (error: NodeJS.ErrnoException) => {
    // The cause is made here: zlib's errors come from another realm under jest, where instanceof fails.
    // The detail is the status text, as body-parser kept zlib's message to itself.
    const cause = Object.assign(new Error(error.message), { code: error.code });
    inflated.destroy(new BadRequestException(STATUS_CODES[400], { cause }));
  });
  payload.pipe(inflate).pipe(inflated);
  done(null, inflated);
}
