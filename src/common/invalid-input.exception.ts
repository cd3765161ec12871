import { BadRequestException } from '@nestjs/common';
import type { FieldError } from './problem-details.js';

/** Bad input, with every offending field named; answered as a 400 problem with `errors`. */
export class InvalidInputException extends BadRequestException {
  constructor(readonly fieldErrors: readonly FieldError[]) {
    super(`Invalid input: ${fieldErrors.map((error) => error.field).join(', ')}`);
  }
}
