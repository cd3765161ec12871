import { Body, Controller, Get, HttpCode, HttpStatus, Patch, Post, Req, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentUser, Public, type SignedInUser } from '../../common/auth/index.js';
import { ConsistentRead } from '../../common/consistency/consistent-read.js';
import { ApiProblem, BAD_FIELD, MEMBER_WRITE, SIGNED_IN } from '../../common/openapi/problem-responses.js';
import type { AccountProfile } from './accounts/accounts.repository.js';
import { AuthRateLimiter } from './auth/auth-rate-limiter.js';
import { ChangeAccount, type AccountChanged } from './commands/change-account/change-account.command.js';
import { ChangeAccountRequest } from './commands/change-account/change-account.request.js';
import { RegisterMember, type RegisteredMember } from './commands/register/register.command.js';
import { RegisterRequest } from './commands/register/register.request.js';
import { SignIn, type SignedIn } from './commands/sign-in/sign-in.command.js';
import { SignInRequest } from './commands/sign-in/sign-in.request.js';
import { SignOutEverywhere } from './commands/sign-out-everywhere/sign-out-everywhere.command.js';
import { GetMe } from './queries/get-me/get-me.query.js';
import { membersProjection } from './projections/members.projection.js';

const TOO_MANY_ATTEMPTS = ApiProblem(429, 'Too many attempts from this address; see Retry-After');

/** The client address, from X-Forwarded-For past TRUST_PROXY_HOPS proxies (see createHttpAdapter). */
const clientAddress = (request: FastifyRequest): string => request.ip || 'unknown';

@ApiTags('identity')
@Controller()
export class IdentityController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly rateLimiter: AuthRateLimiter,
  ) {}

  @Public()
  @Post('auth/register')
  @ApiOperation({ summary: 'Create an account; answers with an access token' })
  @ApiResponse({ status: 201, description: '{ user: { id, username }, accessToken, position }' })
  @ApiProblem(409, 'The username (any case) or the email is taken')
  @TOO_MANY_ATTEMPTS
  async register(
    @Body() body: RegisterRequest,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<RegisteredMember> {
    await this.rateLimiter.consume(clientAddress(request), response);
    return this.commands.execute(new RegisterMember(body.username, body.email, body.password, request.id));
  }

  @Public()
  @Post('auth/login')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Sign in with a username or email and a password' })
  @ApiResponse({ status: 200, description: '{ user: { id, username }, accessToken }' })
  @ApiProblem(401, 'The login or the password is wrong')
  @TOO_MANY_ATTEMPTS
  async login(
    @Body() body: SignInRequest,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<SignedIn> {
    await this.rateLimiter.consume(clientAddress(request), response);
    return this.commands.execute(new SignIn(body.login, body.password));
  }

  @Get('me')
  @ConsistentRead(membersProjection)
  @ApiOperation({ summary: 'The signed-in member: { id, username, email, roles, createdAt }' })
  // Declared, since declaring a refusal drops the 200 the document would otherwise assume.
  @ApiResponse({ status: 200, description: '{ id, username, email, roles, createdAt }' })
  @SIGNED_IN
  me(@CurrentUser() user: SignedInUser): Promise<AccountProfile> {
    return this.queries.execute(new GetMe(user.id));
  }

  @Patch('me')
  @ApiOperation({
    summary: 'Change the email or the password; the current password is needed for either',
    description:
      'A new password signs out every other session and keeps this one: the answer carries a new ' +
      '`accessToken` to use from now on, and every token issued before is refused. A new email ' +
      'signs no one out. Email and password follow the rules of registration.',
  })
  @ApiResponse({ status: 200, description: '{ id, username, email, roles, createdAt, accessToken? }' })
  @BAD_FIELD
  @SIGNED_IN
  @ApiProblem(403, 'The current password is wrong, or the member is suspended')
  @ApiProblem(409, 'The email is taken')
  @TOO_MANY_ATTEMPTS
  async changeAccount(
    @CurrentUser() user: SignedInUser,
    @Body() body: ChangeAccountRequest,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<AccountChanged> {
    // The current password can be guessed here as at sign-in: the same limit applies.
    await this.rateLimiter.consume(clientAddress(request), response);
    return this.commands.execute(new ChangeAccount(user.id, body.currentPassword, body.email, body.password));
  }

  @Post('auth/sign-out-everywhere')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({
    summary: 'Sign out every session: every access token and web session issued before, this one included',
  })
  @ApiResponse({ status: 204, description: 'Signed out everywhere; sign in again for a new token' })
  @MEMBER_WRITE
  signOutEverywhere(@CurrentUser() user: SignedInUser): Promise<void> {
    return this.commands.execute(new SignOutEverywhere(user.id));
  }
}
