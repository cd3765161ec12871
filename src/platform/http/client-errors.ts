import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { HttpStatus } from '@nestjs/common';
import { PROBLEM_CONTENT_TYPE, problemDetails } from '../../common/problem-details.js';

/** Not in Nest's HttpStatus. */
const HEADERS_TOO_LARGE = 431;

const statusOf = (code: string | undefined): number => {
  if (code === 'HPE_HEADER_OVERFLOW') return HEADERS_TOO_LARGE;
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') return HttpStatus.REQUEST_TIMEOUT;
  return HttpStatus.BAD_REQUEST;
};

const DETAILS: Readonly<Record<number, string>> = {
  [HEADERS_TOO_LARGE]: 'The request line and headers are larger than the server accepts.',
  [HttpStatus.REQUEST_TIMEOUT]: 'The request did not arrive in time.',
  [HttpStatus.BAD_REQUEST]: 'The request is not valid HTTP.',
};

/**
 * Node's HTTP parser cannot read some requests (headers past its size limit, a malformed request
 * line); Fastify's `clientErrorHandler` answers them, with the problem+json every other error
 * gets (API.md "Errors") rather than Fastify's own JSON.
 */
export function answerUnreadableRequest(error: NodeJS.ErrnoException, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const status = statusOf(error.code);
  const detail = DETAILS[status]!;
  const errors = status === HttpStatus.BAD_REQUEST ? [{ field: 'request', message: detail }] : undefined;
  const body = JSON.stringify(problemDetails(status, detail, errors));
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n` +
      `Content-Type: ${PROBLEM_CONTENT_TYPE}; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      'Connection: close\r\n\r\n' +
      body,
  );
}
