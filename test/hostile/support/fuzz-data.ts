import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { memberEvents, type TestUser } from '../../support/auth.js';
import { addFilm } from '../../support/films.js';
import type { ListClient } from '../../support/list-client.js';
import type { Operation, Parameter } from '../../support/openapi.js';
import type { Fixtures } from './request-cases.js';
import { validValue } from './schema-values.js';

/** An export the importer reads, for the multipart `file` fields. */
export const IMPORT_FILE = readFileSync(join(__dirname, '../../fixtures/imports/imdb-ratings.csv'));

export interface Sentinel {
  /** Everything the member's reads answer, and the length of their stream. */
  snapshot(): Promise<unknown>;
}

/** A member the fuzz never names, with a comment, a private list and a dated check: read before and after. */
export async function sentinelData(
  app: INestApplication,
  lists: ListClient,
  sentinel: TestUser,
): Promise<Sentinel> {
  const film = await addFilm(app);
  const comment = await lists.call(sentinel, 'post', `/films/${film.id}/comments`, { body: 'Kept.' });
  const list = await lists.create(sentinel, { title: 'Mine', visibility: 'private' });
  await lists.fill(sentinel, list, [film]);
  const check = await lists.call(sentinel, 'put', `/films/${film.id}/check`, { watchedOn: '2020-02-29' });
  expect([comment.status, check.status]).toEqual([201, 200]);
  const reads = [
    `/comments/${(comment.body as { id: string }).id}`,
    `/lists/${list}`,
    `/me/films/${film.slug}`,
    '/me',
    `/films/${film.slug}`,
    `/films/${film.slug}/comments`,
    `/films/${film.slug}/stats`,
    `/users/${sentinel.username}`,
    `/users/${sentinel.username}/lists`,
  ];
  return {
    snapshot: async () => {
      const bodies: unknown[] = [];
      for (const path of reads) {
        const response = await lists.call(sentinel, 'get', path);
        expect([path, response.status]).toEqual([path, 200]);
        bodies.push(response.body);
      }
      return { bodies, events: (await memberEvents(app, sentinel.id)).length };
    },
  };
}

/**
 * What the fuzz aims at: a film, a comment and a list of the fuzzing member, and another member,
 * so that damaged requests get past "not found" to validation and beyond.
 */
export async function fuzzTargets(
  app: INestApplication,
  lists: ListClient,
  users: { readonly member: TestUser; readonly victim: TestUser },
): Promise<Fixtures> {
  const film = await addFilm(app);
  const comment = await lists.call(users.member, 'post', `/films/${film.id}/comments`, { body: 'Target.' });
  const list = await lists.create(users.member, { title: 'Target', visibility: 'public' });
  await lists.fill(users.member, list, [film]);
  const byName: Readonly<Record<string, string>> = { idOrSlug: film.slug, username: users.victim.username };
  const byResource: Readonly<Record<string, string>> = {
    comments: (comment.body as { id: string }).id,
    lists: list,
  };
  return {
    pathValue: (operation: Operation, parameter: Parameter) => {
      // The collection the parameter indexes: "lists" for {id} in /lists/{id}/items/{idOrSlug}.
      const before = operation.path.slice(0, operation.path.indexOf(`{${parameter.name}}`));
      const resource = /([^/{}]+)\/$/.exec(before)?.[1];
      return (
        byName[parameter.name] ?? (resource && byResource[resource]) ?? String(validValue(parameter.schema))
      );
    },
    file: { fileName: 'ratings.csv', contentType: 'text/csv', content: IMPORT_FILE },
  };
}
