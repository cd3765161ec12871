import { Body, Get, Post, Query, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AuthRateLimiter } from '../../modules/identity/auth/auth-rate-limiter.js';
import { RegisterMember } from '../../modules/identity/commands/register/register.command.js';
import { RegisterRequest } from '../../modules/identity/commands/register/register.request.js';
import { SignIn } from '../../modules/identity/commands/sign-in/sign-in.command.js';
import { SignInRequest } from '../../modules/identity/commands/sign-in/sign-in.request.js';
import { fieldText, formFailureOf, formInput } from '../http/forms.js';
import { PageResult, WebPages, seeOther, view, type SeeOther } from '../http/web-page.js';
import { WebSession } from '../http/web-session.js';
import { SignInView, SignUpView } from './auth-views.js';

type FormBody = Record<string, unknown>;

/** Only a path of this site: `next=//evil.example` or `https://…` would be an open redirect. */
export const safeNext = (next: unknown): string =>
  typeof next === 'string' && /^\/(?![/\\])/.test(next) ? next : '/';

/** The client address, from X-Forwarded-For past TRUST_PROXY_HOPS proxies (see createHttpAdapter). */
const clientAddress = (request: FastifyRequest): string => request.ip || 'unknown';

/** Sign up, sign in and out: the same commands as the API, the token kept in the session cookie. */
@WebPages()
export class AuthPagesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly session: WebSession,
    private readonly rateLimiter: AuthRateLimiter,
  ) {}

  @Get('sign-in')
  signInPage(@Query('next') next: unknown) {
    return view(SignInView, { next: safeNext(next) });
  }

  @Post('sign-in')
  async signIn(
    @Body() body: FormBody,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<SeeOther | PageResult> {
    const { next, ...fields } = body;
    try {
      await this.rateLimiter.consume(clientAddress(request), response);
      const input = await formInput(SignInRequest, fields);
      const signedIn = await this.commands.execute(new SignIn(input.login, input.password));
      this.session.start(response, signedIn.accessToken);
      return seeOther(safeNext(next));
    } catch (error) {
      const failure = formFailureOf(error);
      const page = view(SignInView, { next: safeNext(next), login: fieldText(fields.login), failure });
      return new PageResult(page, failure.status);
    }
  }

  @Get('sign-up')
  signUpPage() {
    return view(SignUpView, {});
  }

  @Post('sign-up')
  async signUp(
    @Body() body: FormBody,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<SeeOther | PageResult> {
    try {
      await this.rateLimiter.consume(clientAddress(request), response);
      const input = await formInput(RegisterRequest, body);
      const registered = await this.commands.execute(
        new RegisterMember(input.username, input.email, input.password, request.id),
      );
      this.session.start(response, registered.accessToken);
      return seeOther('/', registered.position);
    } catch (error) {
      const failure = formFailureOf(error);
      const page = view(SignUpView, {
        username: fieldText(body.username),
        email: fieldText(body.email),
        failure,
      });
      return new PageResult(page, failure.status);
    }
  }

  @Post('sign-out')
  signOut(@Res({ passthrough: true }) response: FastifyReply): SeeOther {
    this.session.end(response);
    return seeOther('/');
  }
}
