import {
  ForbiddenException,
  Injectable,
  UnauthorizedException,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply } from 'fastify';
import { holdsRole, WHILE_SUSPENDED, type Role } from '../../common/auth/index.js';
import { WebCsrf } from './web-csrf.js';
import { CSRF_CHECKED_BY_HANDLER, SIGN_IN_REQUIRED, WEB_ROLE } from './web-metadata.js';
import type { WebRequest } from './web-request.js';
import { WebSession } from './web-session.js';

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The pages' counterpart of the API's AuthGuard, with the same rules read live: a suspended
 * member reads but does not write, a role is checked on every request. A stale cookie makes the
 * reader anonymous (and is cleared) rather than an error: the page then offers to sign in.
 */
@Injectable()
export class WebGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly session: WebSession,
    private readonly csrf: WebCsrf,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const http = context.switchToHttp();
    const request = http.getRequest<WebRequest>();
    const targets = [context.getHandler(), context.getClass()];
    const reader = await this.session.readerOf(request);
    if (!reader && this.session.hasCookie(request)) this.session.end(http.getResponse<FastifyReply>());
    request.reader = reader;
    if (reader) {
      request.user = { id: reader.id, username: reader.username };
      await this.session.renew(request, http.getResponse<FastifyReply>(), reader);
    }

    const isWrite = !READ_METHODS.has(request.method);
    if (isWrite && !this.reflector.get<boolean>(CSRF_CHECKED_BY_HANDLER, context.getHandler())) {
      this.csrf.verify(request);
    }
    const signInRequired = this.reflector.getAllAndOverride<boolean>(SIGN_IN_REQUIRED, targets) ?? false;
    if (signInRequired && !reader) throw new UnauthorizedException('Sign in to see this page.');
    const role = this.reflector.getAllAndOverride<Role>(WEB_ROLE, targets);
    if (role && reader && !holdsRole(reader.roles, role)) {
      throw new ForbiddenException(`This page is for members with the ${role} role.`);
    }
    if (isWrite && reader?.suspended && !this.reflector.get<boolean>(WHILE_SUSPENDED, context.getHandler()))
      throw new ForbiddenException(reader.suspensionDetail);
    return true;
  }
}
