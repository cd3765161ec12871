import { ForbiddenException, NotFoundException } from '@nestjs/common';

/** No diary entry has that id (404). */
export class DiaryEntryNotFoundException extends NotFoundException {
  constructor() {
    super('No diary entry has that id.');
  }
}

/** Diaries are public to read, but only their member writes in theirs (403). */
export class NotYourDiaryEntryException extends ForbiddenException {
  constructor() {
    super('This diary entry is another member’s: only they can change or delete it.');
  }
}
