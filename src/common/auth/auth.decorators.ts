import { SetMetadata, applyDecorators, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import type { AuthenticatedRequest, Role, SignedInUser } from './signed-in-user.js';

export const PUBLIC_ROUTE = 'filmlog:public-route';
export const REQUIRED_ROLE = 'filmlog:required-role';
export const WHILE_SUSPENDED = 'filmlog:while-suspended';

/**
 * The same two marks, carried into the OpenAPI document as extensions, so each operation's
 * `security` there comes from what the guard reads; setupOpenApi turns them into `security` and
 * removes them.
 */
export const PUBLIC_OPERATION_EXTENSION = 'x-filmlog-public';
export const REQUIRED_ROLE_EXTENSION = 'x-filmlog-required-role';

/** Readable without a token; a token that is sent must still be valid. */
export const Public = (): MethodDecorator & ClassDecorator =>
  applyDecorators(SetMetadata(PUBLIC_ROUTE, true), ApiExtension(PUBLIC_OPERATION_EXTENSION, true));

/** Only members holding the role (or a role above it: an admin can do what a moderator can). */
export const RequireRole = (role: Exclude<Role, 'member'>): MethodDecorator & ClassDecorator =>
  applyDecorators(SetMetadata(REQUIRED_ROLE, role), ApiExtension(REQUIRED_ROLE_EXTENSION, role));

/**
 * A write a suspended member may still make: leaving (erasing the account) is not taken away by a
 * suspension, and moderation's records keep only ids.
 */
export const AllowWhileSuspended = (): MethodDecorator => SetMetadata(WHILE_SUSPENDED, true);

/** The signed-in member; undefined on a public route read anonymously. */
export const CurrentUser = createParamDecorator(
  (_data: unknown, context: ExecutionContext): SignedInUser | undefined =>
    context.switchToHttp().getRequest<AuthenticatedRequest>().user,
);
