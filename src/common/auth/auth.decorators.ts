import { SetMetadata, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { AuthenticatedRequest, Role, SignedInUser } from './signed-in-user.js';

export const PUBLIC_ROUTE = 'filmlog:public-route';
export const REQUIRED_ROLE = 'filmlog:required-role';

/** Readable without a token; a token that is sent must still be valid. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_ROUTE, true);

/** Only members holding the role (or a role above it: an admin can do what a moderator can). */
export const RequireRole = (role: Exclude<Role, 'member'>): MethodDecorator & ClassDecorator =>
  SetMetadata(REQUIRED_ROLE, role);

/** The signed-in member; undefined on a public route read anonymously. */
export const CurrentUser = createParamDecorator(
  (_data: unknown, context: ExecutionContext): SignedInUser | undefined =>
    context.switchToHttp().getRequest<AuthenticatedRequest>().user,
);
