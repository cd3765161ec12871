import type { RawResponse } from './raw-http.js';
import type { RequestCase } from './request-cases.js';

const PROBLEM_JSON = /^application\/problem\+json/;

interface ProblemShape {
  readonly status?: unknown;
  readonly errors?: unknown;
}

/** Whether a 400 naming `named` names the broken field `broken` (itself, a part of it, or what contains it). */
const names = (named: string, broken: string): boolean => {
  const [a, b] = [named.toLowerCase(), broken.toLowerCase()];
  return a === b || a.startsWith(`${b}.`) || b.startsWith(`${a}.`);
};

/** What is wrong with the answer to a hostile request, or null when it is a proper answer. */
export function faultOf(sent: RequestCase, response: RawResponse): string | null {
  const { status } = response;
  // Whole enough to say why (a readiness answer lists every projection).
  if (status >= 500) return `answered ${status}: ${response.text.slice(0, 3_000)}`;
  if (status < 400) return null;
  if (!PROBLEM_JSON.test(response.contentType))
    return `${status} as "${response.contentType}", not problem+json`;
  let body: ProblemShape;
  try {
    body = JSON.parse(response.text) as ProblemShape;
  } catch {
    return `${status} problem+json whose body is not JSON`;
  }
  if (body.status !== status) return `${status} problem whose status is ${JSON.stringify(body.status)}`;
  if (status !== 400) return null;
  const errors = Array.isArray(body.errors) ? (body.errors as { field?: unknown; message?: unknown }[]) : [];
  const fields = errors.map((error) => error.field);
  if (errors.length === 0) return '400 naming no field';
  // An empty name is right only for a field whose name is empty.
  if (!fields.every((field) => typeof field === 'string' && (field.length > 0 || sent.field === '')))
    return `400 with an unnamed field: ${JSON.stringify(errors)}`;
  if (sent.field !== undefined && !fields.some((field) => names(field as string, sent.field!)))
    return `400 naming ${JSON.stringify(fields)}, not ${sent.field}`;
  return null;
}
