/**
 * The public contract of a list: one stream per list (`list-{listId}`) and the facts it records,
 * which activity and imports read.
 */
export const listStream = (listId: string): string => `list-${listId}`;

export const LIST_VISIBILITIES = ['private', 'friends', 'public'] as const;

export type ListVisibility = (typeof LIST_VISIBILITIES)[number];

export type ListKind = 'official' | 'personal';

/**
 * Ranks in events are 1-based and already resolved against the list as it stood (a rank past the
 * end is the end), so a projection replays them without re-deciding; unranked lists carry null.
 */
export type ListEvent =
  | {
      readonly type: 'ListCreated';
      readonly data: {
        readonly ownerId: string;
        readonly kind: ListKind;
        readonly ranked: boolean;
        readonly visibility: ListVisibility;
        readonly title: string;
        readonly description: string | null;
      };
    }
  | { readonly type: 'ListRenamed'; readonly data: { readonly title: string } }
  | { readonly type: 'ListDescriptionChanged'; readonly data: { readonly description: string | null } }
  | { readonly type: 'ListVisibilityChanged'; readonly data: { readonly visibility: ListVisibility } }
  | {
      readonly type: 'FilmAddedToList';
      readonly data: { readonly filmId: string; readonly rank: number | null; readonly note: string | null };
    }
  | { readonly type: 'FilmRemovedFromList'; readonly data: { readonly filmId: string } }
  | { readonly type: 'ListReordered'; readonly data: { readonly filmId: string; readonly rank: number } }
  | {
      readonly type: 'ListItemNoteChanged';
      readonly data: { readonly filmId: string; readonly note: string | null };
    }
  | {
      readonly type: 'ListEditionPublished';
      readonly data: { readonly edition: number; readonly films: readonly string[] };
    }
  | { readonly type: 'ListDeleted'; readonly data: Record<string, never> };

export const LIST_EVENT_TYPES: readonly ListEvent['type'][] = [
  'ListCreated',
  'ListRenamed',
  'ListDescriptionChanged',
  'ListVisibilityChanged',
  'FilmAddedToList',
  'FilmRemovedFromList',
  'ListReordered',
  'ListItemNoteChanged',
  'ListEditionPublished',
  'ListDeleted',
];
