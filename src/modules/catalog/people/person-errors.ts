import { NotFoundException } from '@nestjs/common';

/** No person has that id or slug (404). */
export class PersonNotFoundException extends NotFoundException {
  constructor(readonly reference: string) {
    // A reference can be any text a client typed; the answer echoes a bounded part of it.
    super(`No person ${reference.slice(0, 200)}`);
  }
}
