import type { ListKind, ListVisibility } from '../domain/list.events.js';
import type { ListFact } from './entries.js';

/** A time as read back from PostgreSQL (a Date) or taken from an event (ISO text). */
type Instant = Date | string;

/** A row of `lists`. */
export interface ListRow {
  readonly id: string;
  readonly owner_id: string;
  readonly kind: ListKind;
  readonly ranked: boolean;
  readonly visibility: ListVisibility;
  readonly title: string;
  readonly description: string | null;
  readonly size: number;
  readonly edition: number;
  readonly created_at: Instant;
  readonly updated_at: Instant;
  readonly deleted_at: Instant | null;
}

export const LIST_COLUMNS = [
  'id',
  'owner_id',
  'kind',
  'ranked',
  'visibility',
  'title',
  'description',
  'size',
  'edition',
  'created_at',
  'updated_at',
  'deleted_at',
] as const;

export const LIST_COLUMN_TYPES = [
  'uuid',
  'uuid',
  'text',
  'boolean',
  'text',
  'text',
  'text',
  'int',
  'int',
  'timestamptz',
  'timestamptz',
  'timestamptz',
];

/** The row after one event of the list (its size is set from the entries); undefined before creation. */
export function evolveListRow(row: ListRow | undefined, id: string, fact: ListFact): ListRow | undefined {
  const at = fact.occurredAt;
  if (fact.type === 'ListCreated') {
    const { ownerId, kind, ranked, visibility, title, description } = fact.data;
    return {
      id,
      owner_id: ownerId,
      kind,
      ranked,
      visibility,
      title,
      description,
      size: 0,
      edition: 0,
      created_at: at,
      updated_at: at,
      deleted_at: null,
    };
  }
  if (row === undefined) return undefined;
  switch (fact.type) {
    case 'ListRenamed':
      return { ...row, title: fact.data.title, updated_at: at };
    case 'ListDescriptionChanged':
      return { ...row, description: fact.data.description, updated_at: at };
    case 'ListVisibilityChanged':
      return { ...row, visibility: fact.data.visibility, updated_at: at };
    case 'ListEditionPublished':
      return { ...row, edition: fact.data.edition, updated_at: at };
    case 'ListDeleted':
      return { ...row, deleted_at: at, updated_at: at };
    default:
      return { ...row, updated_at: at };
  }
}
