import type { ServerResponse } from 'node:http';

/** Writes a JSON body with an exact content type (Express would otherwise force application/json). */
export function writeJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  contentType: string,
): void {
  response.statusCode = status;
  response.setHeader('Content-Type', `${contentType}; charset=utf-8`);
  response.end(JSON.stringify(body));
}
