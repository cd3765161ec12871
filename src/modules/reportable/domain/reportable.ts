import { DomainRuleViolation } from '#decider';

/**
 * What members write that others read and may report: comments and reviews. The reporting and
 * moderation rules are one set for every kind; each kind names its facts with its own prefix
 * (`CommentReported`, `ReviewReported`), so a stream says what it is about.
 */
export const REPORT_REASONS = ['spam', 'abuse', 'spoiler', 'off-topic', 'other'] as const;

export type ReportReason = (typeof REPORT_REASONS)[number];

/** `auto`: hidden by reports and awaiting a moderator; `moderator`: a moderator decided. */
export type Hiding = 'none' | 'auto' | 'moderator';

export interface Reports {
  readonly hiding: Hiding;
  /** Everyone who ever reported it: one report per member. */
  readonly reporters: readonly string[];
  /** Reporters since the last moderator decision: the review of it that is open. */
  readonly openReporters: readonly string[];
}

export const NO_REPORTS: Reports = { hiding: 'none', reporters: [], openReporters: [] };

/** Who reads or acts on a text: moderators (and admins) see hidden ones. */
export interface TextViewer {
  readonly id: string;
  readonly moderates: boolean;
}

/** A hidden text exists only for its author and the moderators; anyone else is told it is not there. */
export const seenBy = (
  text: { readonly hidden: boolean; readonly authorId: string | null },
  viewer: TextViewer | null,
): boolean => !text.hidden || (viewer !== null && (viewer.moderates || viewer.id === text.authorId));

/** A kind of reportable text: its noun in messages and rule codes, and the prefix of its events. */
export interface ReportableKind<Prefix extends string> {
  readonly noun: string;
  readonly prefix: Prefix;
}

/**
 * `ReportsDismissed` and `Restored` both leave the text visible: a dismissal lifts an auto-hide,
 * since the hide rested on the reports it dismisses, and a text a moderator hid takes no reports,
 * so it never has reports to dismiss.
 */
export type ReportEvent<Prefix extends string> =
  | {
      readonly type: `${Prefix}Reported`;
      readonly data: {
        readonly reporterId: string;
        readonly reason: ReportReason;
        readonly note: string | null;
      };
    }
  | { readonly type: `${Prefix}AutoHidden`; readonly data: { readonly reports: number } }
  | {
      readonly type: `${Prefix}Hidden`;
      readonly data: { readonly moderatorId: string; readonly reason: string };
    }
  | {
      readonly type: `${Prefix}Restored`;
      readonly data: { readonly moderatorId: string; readonly reason: string | null };
    }
  | {
      readonly type: `${Prefix}ReportsDismissed`;
      readonly data: { readonly moderatorId: string; readonly reason: string | null };
    };

export type ReportCommand =
  | {
      readonly type: 'Report';
      readonly reporterId: string;
      readonly reason: ReportReason;
      readonly note: string | null;
    }
  /** Run by a job some time after a report: whatever happened since, it only ever hides a visible text. */
  | { readonly type: 'AutoHide'; readonly threshold: number }
  | { readonly type: 'Hide'; readonly moderatorId: string; readonly reason: string }
  | { readonly type: 'Restore'; readonly moderatorId: string; readonly reason: string | null }
  | { readonly type: 'Dismiss'; readonly moderatorId: string; readonly reason: string | null };

/** Open while a review round is: reports since the last decision, or an auto-hide awaiting one. */
export const queueStatusOf = (reports: Reports): 'open' | 'resolved' =>
  reports.hiding === 'auto' || reports.openReporters.length > 0 ? 'open' : 'resolved';

/** The event types of a kind, for projections' `handles`. */
export const reportEventTypes = <Prefix extends string>({ prefix }: ReportableKind<Prefix>) =>
  [
    `${prefix}Reported`,
    `${prefix}AutoHidden`,
    `${prefix}Hidden`,
    `${prefix}Restored`,
    `${prefix}ReportsDismissed`,
  ] as const;

/**
 * The moderation facts a command leads to, on a text that exists for the actor (the caller checks
 * that: who may see a hidden text is the kind's rule). `authorId` is the text's author.
 */
export function decideReports<Prefix extends string>(
  kind: ReportableKind<Prefix>,
  command: ReportCommand,
  reports: Reports,
  authorId: string | null,
): ReportEvent<Prefix>[] {
  const fact = <Event extends ReportEvent<Prefix>>(suffix: string, data: Event['data']) => [
    { type: `${kind.prefix}${suffix}`, data } as ReportEvent<Prefix>,
  ];
  switch (command.type) {
    case 'Report': {
      if (authorId === command.reporterId)
        throw new DomainRuleViolation(
          `cannot-report-own-${kind.noun}`,
          `You cannot report your own ${kind.noun}.`,
        );
      if (reports.hiding !== 'none')
        throw new DomainRuleViolation(
          `${kind.noun}-hidden`,
          `The ${kind.noun} is already hidden; decide on it in the moderation queue.`,
        );
      if (reports.reporters.includes(command.reporterId)) return [];
      const { reporterId, reason, note } = command;
      return fact('Reported', { reporterId, reason, note });
    }
    case 'AutoHide':
      if (reports.hiding !== 'none' || reports.openReporters.length < command.threshold) return [];
      return fact('AutoHidden', { reports: reports.openReporters.length });
    case 'Hide':
      if (reports.hiding === 'moderator') return [];
      return fact('Hidden', { moderatorId: command.moderatorId, reason: command.reason });
    case 'Restore':
      if (reports.hiding === 'none' && reports.openReporters.length === 0) return [];
      return fact('Restored', { moderatorId: command.moderatorId, reason: command.reason });
    case 'Dismiss':
      if (reports.openReporters.length === 0) return [];
      return fact('ReportsDismissed', { moderatorId: command.moderatorId, reason: command.reason });
  }
}

/** The reports after one of the kind's events; null for an event that is not about reports. */
export function evolveReports<Prefix extends string>(
  { prefix }: ReportableKind<Prefix>,
  reports: Reports,
  event: { readonly type: string; readonly data: unknown },
): Reports | null {
  switch (event.type) {
    case `${prefix}Reported`: {
      const { reporterId } = event.data as { reporterId: string };
      return {
        ...reports,
        reporters: [...reports.reporters, reporterId],
        openReporters: [...reports.openReporters, reporterId],
      };
    }
    case `${prefix}AutoHidden`:
      return { ...reports, hiding: 'auto' };
    case `${prefix}Hidden`:
      return { ...reports, hiding: 'moderator', openReporters: [] };
    case `${prefix}Restored`:
    case `${prefix}ReportsDismissed`:
      return { ...reports, hiding: 'none', openReporters: [] };
    default:
      return null;
  }
}
