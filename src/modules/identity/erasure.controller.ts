import { Body, Controller, Delete, HttpCode, HttpStatus, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AllowWhileSuspended, CurrentUser, type SignedInUser } from '../../common/auth/index.js';
import { ApiProblem, BAD_FIELD, SIGNED_IN } from '../../common/openapi/problem-responses.js';
import { AuthRateLimiter } from './auth/auth-rate-limiter.js';
import { EraseMember, type MemberErased } from './commands/erase-member/erase-member.command.js';
import { EraseMemberRequest } from './commands/erase-member/erase-member.request.js';

@ApiTags('identity')
@Controller()
export class ErasureController {
  constructor(
    private readonly commands: CommandBus,
    private readonly rateLimiter: AuthRateLimiter,
  ) {}

  @Delete('me')
  @AllowWhileSuspended()
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({
    summary: 'Erase the account, with its current password',
    description:
      'The account goes at once: sign-in fails and every token is refused. The member then leaves ' +
      'every read model (followers, feeds, activity, lists, plans); their comments, reviews, list ' +
      'words, notes and import files become unreadable everywhere, events included, since those ' +
      'were sealed with a key of theirs that erasure destroys. Film statistics keep anonymous counts. ' +
      'Reads sent with `X-Consistent-With: position` see the member gone. A suspended member may ' +
      'erase their account too.',
  })
  @ApiResponse({ status: 202, description: '{ position }' })
  @BAD_FIELD
  @SIGNED_IN
  @ApiProblem(403, 'The password is missing or wrong')
  @ApiProblem(429, 'Too many attempts from this address; see Retry-After')
  async erase(
    @CurrentUser() user: SignedInUser,
    @Body() body: EraseMemberRequest,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<MemberErased> {
    // The password can be guessed here as at sign-in: the same limit applies.
    await this.rateLimiter.consume(request.ip || 'unknown', response);
    return this.commands.execute(new EraseMember(user.id, body?.password, request.id));
  }
}
