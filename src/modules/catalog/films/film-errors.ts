import { ConflictException, NotFoundException } from '@nestjs/common';
import { InvalidInputException } from '../../../common/invalid-input.exception.js';
import type { FieldError } from '../../../common/problem-details.js';

/** No film has that id or slug (404). */
export class FilmNotFoundException extends NotFoundException {
  constructor(readonly reference: string) {
    // A reference can be any text a client typed; the answer echoes a bounded part of it.
    super(`No film ${reference.slice(0, 200)}`);
  }
}

/** An external id of the input already belongs to another film (409). */
export class ExternalIdConflictException extends ConflictException {
  constructor(
    readonly field: 'externalIds.imdb' | 'externalIds.tmdb',
    readonly value: string | number,
    readonly otherFilmId: string,
  ) {
    super(`${field} ${value} already belongs to film ${otherFilmId}`);
  }
}

/** People given by id that do not exist, each named by its field ("cast.2.id"); a 400. */
export class UnknownPersonException extends InvalidInputException {
  constructor(fieldErrors: readonly FieldError[]) {
    super(fieldErrors);
  }
}

/** An upsert needs something to match on (a 400 naming externalIds). */
export class MissingExternalIdException extends InvalidInputException {
  constructor() {
    super([{ field: 'externalIds', message: 'externalIds needs imdb or tmdb to match an existing film' }]);
  }
}
