import { InvalidInputException } from '../../common/invalid-input.exception.js';

export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';

/** Visible ASCII, as the IETF draft's examples and most clients use. */
const KEY = /^[\x21-\x7e]{1,255}$/;

/** The key of a retried request, or null when none was sent; a 400 naming the header when malformed. */
export function idempotencyKeyOf(header: string | string[] | undefined): string | null {
  if (header === undefined) return null;
  if (typeof header === 'string' && KEY.test(header)) return header;
  throw new InvalidInputException([
    {
      field: IDEMPOTENCY_KEY_HEADER,
      message: `${IDEMPOTENCY_KEY_HEADER} must be 1 to 255 visible ASCII characters`,
    },
  ]);
}
