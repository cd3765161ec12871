import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet from 'helmet';

const helmetHeaders = helmet({
  // upgrade-insecure-requests would make browsers fetch the docs' assets over https from a plain-http server.
  contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } },
});

/**
 * Sets helmet's security headers on the response (the pages then set their own, stricter CSP).
 * Built once: @fastify/helmet would build helmet's middleware again for every request.
 */
export function setSecurityHeaders(request: IncomingMessage, response: ServerResponse): void {
  helmetHeaders(request, response, () => undefined);
}
