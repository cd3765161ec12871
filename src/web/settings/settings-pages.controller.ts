import { Body, ForbiddenException, Get, Post, Query, Req, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AllowWhileSuspended, CurrentUser, type SignedInUser } from '../../common/auth/index.js';
import { AuthRateLimiter } from '../../modules/identity/auth/auth-rate-limiter.js';
import { ChangeAccount } from '../../modules/identity/commands/change-account/change-account.command.js';
import { ChangeAccountRequest } from '../../modules/identity/commands/change-account/change-account.request.js';
import { EraseMember } from '../../modules/identity/commands/erase-member/erase-member.command.js';
import { SignOutEverywhere } from '../../modules/identity/commands/sign-out-everywhere/sign-out-everywhere.command.js';
import { GetMe } from '../../modules/identity/queries/get-me/get-me.query.js';
import { fieldText, formFailureOf, formInput, type FormFailure } from '../http/forms.js';
import { SignInRequired } from '../http/web-metadata.js';
import { PageResult, WebPages, seeOther, view, type SeeOther } from '../http/web-page.js';
import { WebSession } from '../http/web-session.js';
import { SETTINGS_PATH, SettingsView } from './settings-views.js';

type FormBody = Record<string, unknown> | undefined;

/**
 * On these forms a 403 can only be the password (the guard answers a suspension before), said
 * beside the form's password field.
 */
const failureOf = (error: unknown, field: string, message: string): FormFailure => {
  if (!(error instanceof ForbiddenException)) return formFailureOf(error);
  return { status: 403, message, errors: [{ field, message }] };
};

/** The same commands as PATCH /api/v1/me and POST /api/v1/auth/sign-out-everywhere, for the signed-in member. */
@WebPages('my/settings')
@SignInRequired()
export class SettingsPagesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly session: WebSession,
    private readonly rateLimiter: AuthRateLimiter,
  ) {}

  @Get()
  async settings(@CurrentUser() user: SignedInUser, @Query('saved') saved: unknown) {
    const { email } = await this.queries.execute(new GetMe(user.id));
    return view(SettingsView, { email: email ?? '', saved: saved === '1' });
  }

  @Post()
  async change(
    @CurrentUser() user: SignedInUser,
    @Body() body: FormBody,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<SeeOther | PageResult> {
    try {
      // The current password can be guessed here as at sign-in: the same limit per address applies.
      await this.rateLimiter.consume(request.ip || 'unknown', response);
      // Empty is "keep it": an account made without an email may change only its password.
      const input = await formInput(ChangeAccountRequest, body, { dropEmpty: ['email', 'password'] });
      const changed = await this.commands.execute(
        new ChangeAccount(user.id, input.currentPassword, input.email, input.password),
      );
      // A new password ended every session, this one too: it goes on with the token made for it.
      if (changed.accessToken) this.session.start(response, changed.accessToken);
      return seeOther(`${SETTINGS_PATH}?saved=1`);
    } catch (error) {
      const failure = failureOf(error, 'currentPassword', 'The current password is wrong.');
      return new PageResult(
        view(SettingsView, { email: fieldText(body?.email) ?? '', failure }),
        failure.status,
      );
    }
  }

  @Post('sign-out-everywhere')
  async signOutEverywhere(
    @CurrentUser() user: SignedInUser,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<SeeOther> {
    await this.commands.execute(new SignOutEverywhere(user.id));
    this.session.end(response);
    return seeOther(`/sign-in?next=${encodeURIComponent(SETTINGS_PATH)}`);
  }

  /** DELETE /api/v1/me for the signed-in member; the session ends with the account. */
  @Post('delete')
  @AllowWhileSuspended()
  async erase(
    @CurrentUser() user: SignedInUser,
    @Body() body: FormBody,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<SeeOther | PageResult> {
    try {
      await this.rateLimiter.consume(request.ip || 'unknown', response);
      await this.commands.execute(new EraseMember(user.id, fieldText(body?.erasePassword), request.id));
      this.session.end(response);
      return seeOther('/?erased=1');
    } catch (error) {
      const failure = failureOf(error, 'erasePassword', 'The password is wrong.');
      const { email } = await this.queries.execute(new GetMe(user.id));
      return new PageResult(
        view(SettingsView, { email: email ?? '', erasureFailure: failure }),
        failure.status,
      );
    }
  }
}
