import { NotFoundException } from '@nestjs/common';

/** No comment has that id for this reader (404). */
export class CommentNotFoundException extends NotFoundException {
  constructor() {
    super('No comment has that id.');
  }
}
