import { NotFoundException } from '@nestjs/common';

/** No list has that id for this reader: never created, deleted, or not theirs to see (404). */
export class ListNotFoundException extends NotFoundException {
  constructor() {
    super('No list has that id.');
  }
}
