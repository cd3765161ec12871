import { SetMetadata, applyDecorators } from '@nestjs/common';
import type { Role } from '../../common/auth/index.js';

export const SIGN_IN_REQUIRED = 'filmlog:web-sign-in-required';
export const WEB_ROLE = 'filmlog:web-role';
export const CSRF_CHECKED_BY_HANDLER = 'filmlog:web-csrf-by-handler';

/** Pages need a signed-in member: anonymous readers are sent to sign in and brought back. */
export const SignInRequired = (): MethodDecorator & ClassDecorator => SetMetadata(SIGN_IN_REQUIRED, true);

/** Pages for moderators (or admins); implies SignInRequired. */
export const ForRole = (role: Exclude<Role, 'member'>): MethodDecorator & ClassDecorator =>
  applyDecorators(SetMetadata(SIGN_IN_REQUIRED, true), SetMetadata(WEB_ROLE, role));

/**
 * For multipart forms, whose `_csrf` field is parsed after the guard: the handler must call
 * WebCsrf.verify once the body is read.
 */
export const CsrfCheckedByHandler = (): MethodDecorator => SetMetadata(CSRF_CHECKED_BY_HANDLER, true);
