/**
 * A command refused by a rule of the domain (answered with 422). `code` is stable and
 * machine-readable, e.g. 'cannot-follow-yourself'; `message` explains it to a person.
 */
export class DomainRuleViolation extends Error {
  override readonly name: string = 'DomainRuleViolation';

  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}
