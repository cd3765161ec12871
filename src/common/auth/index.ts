export {
  AllowWhileSuspended,
  CurrentUser,
  Public,
  PUBLIC_ROUTE,
  REQUIRED_ROLE,
  RequireRole,
  WHILE_SUSPENDED,
} from './auth.decorators.js';
export { AuthGuard, suspendedDetail } from './auth.guard.js';
export { Authenticator, holdsRole, type MemberAccess } from './authenticator.js';
export { ROLES, type AuthenticatedRequest, type Role, type SignedInUser } from './signed-in-user.js';
