import { FilmNotFoundException } from './film-errors.js';
import { type Queryable } from './film-reader.js';
import { isUuid } from '../../../common/uuid.js';

const DEFAULT_CAPACITY = 100_000;

/**
 * Turns what a client gave (a film id or a slug) into the film's id. A film's id and slug never
 * change and films are not deleted, so a known answer is kept (most recently used first, bounded);
 * unknown references are asked again each time, since the film may be added meanwhile.
 */
export class FilmReferences {
  private readonly known = new Map<string, string>();

  constructor(
    private readonly db: Queryable,
    private readonly capacity = DEFAULT_CAPACITY,
  ) {}

  /** The film's id; a FilmNotFoundException (404) when no film has that id or slug. */
  async idOf(reference: string): Promise<string> {
    const key = isUuid(reference) ? reference.toLowerCase() : reference;
    const cached = this.known.get(key);
    if (cached !== undefined) {
      this.known.delete(key);
      this.known.set(key, cached);
      return cached;
    }
    const id = await this.lookUp(key);
    if (id === null) throw new FilmNotFoundException(reference);
    this.remember(key, id);
    return id;
  }

  /**
   * The ids of many references in their order, the ones not known yet looked up in one statement;
   * a FilmNotFoundException (404) for the first reference no film answers to.
   */
  async idsOf(references: readonly string[]): Promise<string[]> {
    const keys = references.map((reference) => (isUuid(reference) ? reference.toLowerCase() : reference));
    const found = new Map<string, string>();
    for (const key of keys) {
      const id = this.known.get(key);
      if (id !== undefined) found.set(key, id);
    }
    const unknown = [...new Set(keys.filter((key) => !found.has(key)))];
    if (unknown.length > 0) {
      const { rows } = await this.db.query<{ id: string; slug: string }>({
        name: 'film-references-many',
        text: 'SELECT id, slug FROM films WHERE id = ANY($1::uuid[]) OR slug = ANY($2::text[])',
        values: [unknown.filter(isUuid), unknown.filter((key) => !isUuid(key))],
      });
      for (const row of rows) {
        for (const key of [row.id, row.slug]) {
          if (!unknown.includes(key)) continue;
          found.set(key, row.id);
          this.remember(key, row.id);
        }
      }
    }
    return keys.map((key, index) => {
      const id = found.get(key);
      if (id === undefined) throw new FilmNotFoundException(references[index]!);
      return id;
    });
  }

  private async lookUp(key: string): Promise<string | null> {
    const byId = isUuid(key);
    const { rows } = await this.db.query<{ id: string }>({
      name: byId ? 'film-reference-by-id' : 'film-reference-by-slug',
      text: byId ? 'SELECT id FROM films WHERE id = $1::uuid' : 'SELECT id FROM films WHERE slug = $1',
      values: [key],
    });
    return rows[0]?.id ?? null;
  }

  private remember(key: string, id: string): void {
    this.known.set(key, id);
    if (this.known.size > this.capacity) {
      const oldest = this.known.keys().next().value as string;
      this.known.delete(oldest);
    }
  }
}
