import { Controller, Delete, Param, Put } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { RequireRole } from '../../common/auth/index.js';
import { InvalidInputException } from '../../common/invalid-input.exception.js';
import { ADMINS_ONLY, ApiProblem, NO_MEMBER } from '../../common/openapi/problem-responses.js';
import { Actor } from '../../platform/commands/actor.decorator.js';
import { USERNAME } from './accounts/username.param.js';
import { ChangeRole, type RoleChanged } from './commands/change-role/change-role.command.js';
import { GRANTABLE_ROLES, type GrantableRole } from './domain/member.events.js';

const NOT_GRANTABLE = ApiProblem(400, 'role is not one that can be granted or revoked, named');

const grantableRole = (role: string): GrantableRole => {
  if ((GRANTABLE_ROLES as readonly string[]).includes(role)) return role as GrantableRole;
  throw new InvalidInputException([
    { field: 'role', message: `must be one of ${GRANTABLE_ROLES.join(', ')} (every member holds member)` },
  ]);
};

@ApiTags('admin')
@ADMINS_ONLY
@RequireRole('admin')
@Controller('admin/users/:username/roles/:role')
export class AdminUsersController {
  constructor(private readonly commands: CommandBus) {}

  @Put()
  @ApiOperation({
    summary: 'Grant a role (recorded as RoleGranted on the member stream); repeating it is harmless',
  })
  @USERNAME
  @ApiParam({ name: 'role', enum: GRANTABLE_ROLES })
  @ApiResponse({ status: 200, description: '{ username, roles, position }' })
  @NOT_GRANTABLE
  @NO_MEMBER
  grant(
    @Param('username') username: string,
    @Param('role') role: string,
    @Actor() admin: Actor,
  ): Promise<RoleChanged> {
    return this.commands.execute(
      new ChangeRole('grant', username, grantableRole(role), admin.user.id, admin.context.correlationId),
    );
  }

  @Delete()
  @ApiOperation({ summary: 'Revoke a role; an admin cannot revoke their own admin role (422)' })
  @USERNAME
  @ApiParam({ name: 'role', enum: GRANTABLE_ROLES })
  @ApiResponse({ status: 200, description: '{ username, roles, position }' })
  @NOT_GRANTABLE
  @NO_MEMBER
  @ApiProblem(422, 'Your own admin role (code cannot-revoke-own-admin)')
  revoke(
    @Param('username') username: string,
    @Param('role') role: string,
    @Actor() admin: Actor,
  ): Promise<RoleChanged> {
    return this.commands.execute(
      new ChangeRole('revoke', username, grantableRole(role), admin.user.id, admin.context.correlationId),
    );
  }
}
