import { NotFoundException } from '@nestjs/common';

/** No member has that username (404). */
export class MemberNotFoundException extends NotFoundException {
  constructor(username: string) {
    // A path segment can be any text: the answer repeats a bounded part of it.
    super(`No member is called ${username.slice(0, 100)}.`);
  }
}
