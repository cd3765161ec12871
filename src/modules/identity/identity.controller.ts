import { Body, Controller, Get, HttpCode, HttpStatus, Post, Req, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentUser, Public, type SignedInUser } from '../../common/auth/index.js';
import { ConsistentRead } from '../../common/consistency/consistent-read.js';
import { ApiProblem, SIGNED_IN } from '../../common/openapi/problem-responses.js';
import type { AccountProfile } from './accounts/accounts.repository.js';
import { AuthRateLimiter } from './auth/auth-rate-limiter.js';
import { RegisterMember, type RegisteredMember } from './commands/register/register.command.js';
import { RegisterRequest } from './commands/register/register.request.js';
import { SignIn, type SignedIn } from './commands/sign-in/sign-in.command.js';
import { SignInRequest } from './commands/sign-in/sign-in.request.js';
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
}
