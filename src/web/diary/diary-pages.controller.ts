import { Body, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ChangeDiaryEntry,
  DeleteDiaryEntry,
  LogDiaryEntry,
} from '../../modules/diary/commands/diary.commands.js';
import { ChangeDiaryEntryRequest, LogDiaryEntryRequest } from '../../modules/diary/diary.requests.js';
import { Actor } from '../../platform/commands/actor.decorator.js';
import { filmPath } from '../views/film-words.js';
import { formInput } from '../http/forms.js';
import { WebPages, seeOther, type SeeOther } from '../http/web-page.js';
import { SignInRequired } from '../http/web-metadata.js';
import { diaryHref } from './diary-views.js';

type FormBody = Record<string, unknown> | undefined;

/**
 * A form's viewing as the API's body: a ticked box is "on", no stars is an empty choice, and the
 * stars arrive as text. The API's DTO then checks it with the API's rules and messages.
 */
const viewingFields = (body: FormBody): Record<string, unknown> => ({
  watchedOn: body?.['watchedOn'],
  rewatch: body?.['rewatch'] === 'on',
  rating: body?.['rating'] === '' || body?.['rating'] === undefined ? null : Number(body['rating']),
});

/** The review box of the viewing form: left empty, the viewing has no review. */
const reviewFields = (body: FormBody): Record<string, unknown> | undefined => {
  const text = body?.['review'];
  if (typeof text === 'string' && text.trim() === '') return undefined;
  return text === undefined ? undefined : { body: text, spoilers: body?.['reviewSpoilers'] === 'on' };
};

/** The diary's forms: a viewing logged from a film's page, and a member's own entries changed or deleted. */
@WebPages()
export class DiaryPagesController {
  constructor(private readonly commands: CommandBus) {}

  @Post('film/:slug/diary')
  @SignInRequired()
  async log(
    @Actor() { user, context }: Actor,
    @Param('slug') slug: string,
    @Body() body: FormBody,
  ): Promise<SeeOther> {
    const input = await formInput(LogDiaryEntryRequest, {
      film: slug,
      ...viewingFields(body),
      review: reviewFields(body),
    });
    const result = await this.commands.execute(LogDiaryEntry.of(user.id, input, context));
    return seeOther(filmPath(slug), result.position);
  }

  @Post('my/diary/:id')
  @SignInRequired()
  async change(
    @Actor() { user, context }: Actor,
    @Param('id') id: string,
    @Body() body: FormBody,
  ): Promise<SeeOther> {
    const input = await formInput(ChangeDiaryEntryRequest, viewingFields(body));
    const result = await this.commands.execute(new ChangeDiaryEntry(user, id, input, context));
    return seeOther(diaryHref(user.username), result.position);
  }

  @Post('my/diary/:id/delete')
  @SignInRequired()
  async delete(@Actor() { user, context }: Actor, @Param('id') id: string): Promise<SeeOther> {
    const result = await this.commands.execute(new DeleteDiaryEntry(user, id, context));
    return seeOther(diaryHref(user.username), result.position);
  }
}
