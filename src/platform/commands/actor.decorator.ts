import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { CommandContext } from '#decider';
import type { AuthenticatedRequest, SignedInUser } from '../../common/auth/index.js';
import { commandContext } from './command-context.js';

/** Who acts on a write: the signed-in member, and the context their command's events carry. */
export interface Actor {
  readonly user: SignedInUser;
  readonly context: CommandContext;
}

/**
 * The signed-in member and their command context (the request id as correlation), for routes
 * that write. Here rather than beside @CurrentUser in common/auth: the context is the command
 * layer's, and common does not depend on platform.
 */
export const Actor = createParamDecorator((_data: unknown, execution: ExecutionContext): Actor => {
  const request = execution.switchToHttp().getRequest<AuthenticatedRequest>();
  const user = request.user;
  // The guard lets no anonymous request through to a write; reaching here without one is a bug.
  if (!user) throw new Error('@Actor() needs a signed-in route');
  return { user, context: commandContext(user.id, request) };
});
