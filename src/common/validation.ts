import {
  NotFoundException,
  ValidationPipe,
  type ArgumentMetadata,
  type ValidationError,
} from '@nestjs/common';
import { registerDecorator, type ValidationOptions } from 'class-validator';
import { InvalidInputException } from './invalid-input.exception.js';
import type { FieldError } from './problem-details.js';

/** Nested errors become dotted paths (`items.0.rank`), so a client knows exactly which field to fix. */
export function fieldErrorsOf(errors: readonly ValidationError[], parentPath = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parentPath ? `${parentPath}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, message: Object.values(error.constraints).join('; ') }] : [];
    return [...own, ...fieldErrorsOf(error.children ?? [], field)];
  });
}

/** Deeper than any request DTO goes; class-transformer copies recursively and would overflow the stack. */
export const MAX_INPUT_DEPTH = 32;
const MAX_REPORTED_FIELDS = 20;
const UNPAIRED_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why PostgreSQL could not store the text (in a column or a jsonb event), or null when it can. */
function unstorable(text: string): string | null {
  if (text.includes('\u0000')) return 'must not contain NUL characters';
  if (UNPAIRED_SURROGATE.test(text))
    return 'must be well-formed Unicode (a surrogate without its pair has no UTF-8 form)';
  return null;
}

export interface UnacceptableInput {
  /** Nesting past MAX_INPUT_DEPTH, named by its top-level field (or `rootName` for an array). */
  readonly tooDeep: FieldError[];
  /** Text PostgreSQL cannot store, named by its path. */
  readonly unstorable: FieldError[];
}

/** What no field can hold, found without recursion (the input may be nested 50,000 deep). */
export function unacceptableInput(input: unknown, rootName: string): UnacceptableInput {
  const found: UnacceptableInput = { tooDeep: [], unstorable: [] };
  const pending: { value: unknown; path: readonly string[] }[] = [{ value: input, path: [] }];
  while (pending.length > 0 && found.tooDeep.length + found.unstorable.length < MAX_REPORTED_FIELDS) {
    const { value, path } = pending.pop()!;
    if (typeof value === 'string') {
      const problem = unstorable(value);
      const field = path.length > 0 ? path.join('.') : rootName;
      if (problem) found.unstorable.push({ field, message: `${field} ${problem}` });
    } else if (typeof value === 'object' && value !== null) {
      if (path.length >= MAX_INPUT_DEPTH) {
        const field = Array.isArray(input) ? rootName : path[0]!;
        found.tooDeep.push({ field, message: `${field} is nested more than ${MAX_INPUT_DEPTH} levels deep` });
        continue;
      }
      for (const [key, inner] of Object.entries(value)) pending.push({ value: inner, path: [...path, key] });
    }
  }
  return found;
}

/** Refuses what no DTO can hold before class-transformer builds one, then validates against the DTO. */
class InputValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    // No id, slug, username or name holds such text: the segment names nothing (API.md: a malformed id is a 404).
    if (metadata.type === 'param' && typeof value === 'string' && unstorable(value))
      throw new NotFoundException(`No resource has that ${metadata.data ?? 'path'}.`);
    if (metadata.type !== 'body' && metadata.type !== 'query') return super.transform(value, metadata);
    const { tooDeep, unstorable: texts } = unacceptableInput(value, metadata.data ?? metadata.type);
    // Too deep to hand to class-transformer at all.
    if (tooDeep.length > 0) throw new InvalidInputException([...tooDeep, ...texts]);
    if (texts.length === 0) return super.transform(value, metadata);
    // Every bad field is named (API.md): the DTO's own errors too, once per field.
    const others = await super.transform(value, metadata).then(
      () => [],
      (error: unknown) => {
        if (!(error instanceof InvalidInputException)) throw error;
        return error.fieldErrors.filter((other) => !texts.some((text) => text.field === other.field));
      },
    );
    throw new InvalidInputException([...texts, ...others]);
  }
}

/** Request DTOs: unknown fields are refused, values are turned into their declared types. */
export const createValidationPipe = (): ValidationPipe =>
  new InputValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => new InvalidInputException(fieldErrorsOf(errors)),
  });

/** A class-validator decorator from a predicate, run at validation time (so "this year" is never stale). */
export function Satisfies(
  name: string,
  predicate: (value: unknown) => boolean,
  message: string,
  options?: ValidationOptions,
): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name,
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message, ...options },
      validator: { validate: predicate },
    });
}
