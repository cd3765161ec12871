/** Marks a member puts on a film; each stands at most once per member and film (a new rating replaces the old). */
export const MARK_VERBS = ['checked', 'favourited', 'disliked', 'watchlisted', 'rated'] as const;

export type MarkVerb = (typeof MARK_VERBS)[number];

/**
 * Every verb of an activity item: the marks, a comment or a review of the film, the film put on a
 * public list, and a rewatch logged in the diary.
 */
export const ACTIVITY_VERBS = [...MARK_VERBS, 'commented', 'reviewed', 'listed', 'logged'] as const;

export type ActivityVerb = (typeof ACTIVITY_VERBS)[number];

/** The marks as an SQL list, written as the activity table's partial unique index names them. */
export const MARK_VERBS_SQL = `(${MARK_VERBS.map((verb) => `'${verb}'`).join(', ')})`;
