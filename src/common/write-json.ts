import type { FastifyReply } from 'fastify';

/** Sends a JSON body with an exact content type (problem+json, not Fastify's application/json). */
export function writeJson(reply: FastifyReply, status: number, body: unknown, contentType: string): void {
  void reply.code(status).header('Content-Type', `${contentType}; charset=utf-8`).send(JSON.stringify(body));
}
