import type { FastifyRequest } from 'fastify';

export const ROLES = ['member', 'moderator', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Who sent the request, from a verified access token. */
export interface SignedInUser {
  readonly id: string;
  readonly username: string;
}

export interface AuthenticatedRequest extends FastifyRequest {
  user?: SignedInUser;
}
