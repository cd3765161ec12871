import {
  ForbiddenException,
  Injectable,
  UnauthorizedException,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply } from 'fastify';
import { PUBLIC_ROUTE, REQUIRED_ROLE, WHILE_SUSPENDED } from './auth.decorators.js';
import { Authenticator, holdsRole, type MemberAccess } from './authenticator.js';
import type { AuthenticatedRequest, Role } from './signed-in-user.js';

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
// The scheme is case-insensitive (RFC 9110 §11.1); the token is not.
const BEARER = /^Bearer ([A-Za-z0-9\-_.~+/]+=*)$/i;

/** Names the reason and the end, so the member knows why and for how long. */
export const suspendedDetail = ({ suspension }: MemberAccess): string => {
  const until = suspension?.until ? `until ${suspension.until}` : 'until a moderator reinstates it';
  const reason = suspension?.reason ? ` Reason: ${suspension.reason}.` : '';
  return `Your account is suspended ${until}: you can read but not write.${reason}`;
};

/**
 * Global: every route needs a valid token unless marked @Public(). A token that is sent but
 * invalid, or names an account that does not exist, is refused even on public routes, never
 * read as anonymous. Writes also need an active (not suspended) member, and @RequireRole routes
 * the role, both read live so a suspension or revocation takes effect without waiting for tokens
 * to expire.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: Authenticator,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const http = context.switchToHttp();
    const request = http.getRequest<AuthenticatedRequest>();
    const targets = [context.getHandler(), context.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets) ?? false;
    const requiredRole = this.reflector.getAllAndOverride<Role>(REQUIRED_ROLE, targets);

    const header = request.headers.authorization;
    if (header === undefined) {
      if (isPublic && !requiredRole) return true;
      throw this.unauthorized(http.getResponse<FastifyReply>(), 'This needs a bearer access token.');
    }
    const token = BEARER.exec(header)?.[1];
    const user = token ? await this.authenticator.verifyAccessToken(token) : null;
    if (!user)
      throw this.unauthorized(http.getResponse<FastifyReply>(), 'The access token is invalid or expired.');
    // A well-signed token naming no account is as invalid as a forged one, on reads too (API.md).
    const access = await this.authenticator.accessOf(user.id);
    if (!access) throw this.unauthorized(http.getResponse<FastifyReply>(), 'The account no longer exists.');
    request.user = user;

    const isWrite = !READ_METHODS.has(request.method);
    if (!requiredRole && (isPublic || !isWrite)) return true;
    if (requiredRole && !holdsRole(access.roles, requiredRole)) {
      throw new ForbiddenException(`This needs the ${requiredRole} role.`);
    }
    if (isWrite && access.suspended && !this.reflector.get<boolean>(WHILE_SUSPENDED, context.getHandler()))
      throw new ForbiddenException(suspendedDetail(access));
    return true;
  }

  private unauthorized(response: FastifyReply, detail: string): UnauthorizedException {
    void response.header('WWW-Authenticate', 'Bearer');
    return new UnauthorizedException(detail);
  }
}
