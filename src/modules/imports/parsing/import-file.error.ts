/**
 * The upload cannot be imported at all (not a row's fault): `field` is the request field to
 * blame, so the HTTP layer answers 400 naming it, and a job fails with `reason`.
 */
export class ImportFileError extends Error {
  override readonly name = 'ImportFileError';

  constructor(
    readonly field: 'file' | 'source',
    readonly reason: string,
  ) {
    super(reason);
  }
}
