import type { PersonalTextRule } from '../../../platform/personal-data/personal-text-rules.js';
import type { ReportableKind } from './reportable.js';

/** A report's note is its reporter's text: sealed with their key. */
export const reportNoteRule = <Prefix extends string>(
  kind: ReportableKind<Prefix>,
): Record<string, PersonalTextRule> => ({
  [`${kind.prefix}Reported`]: { fields: ['note'], owner: (data) => data.reporterId as string },
});
