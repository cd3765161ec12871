import type { EventPayload } from '#event-store';
import type { Feature } from '../../platform/features/feature.js';
import { AddListViewers1765820000000 } from './list-viewers.migration.js';
import { CreateListTables1764115200000 } from './lists.migration.js';
import { ListsModule } from './lists.module.js';
import { listsProjection } from './projections/lists.projection.js';

const personalListOwner = (data: EventPayload): string | null =>
  data.kind === 'personal' ? (data.ownerId as string) : null;

export const listsFeature: Feature = {
  name: 'lists',
  httpModules: [ListsModule],
  projections: [listsProjection],
  migrations: [CreateListTables1764115200000, AddListViewers1765820000000],
  // A personal list's words are its owner's; an official list's belong to the site and stay plain.
  personalText: {
    events: {
      ListCreated: { fields: ['title', 'description'], owner: personalListOwner },
      ListRenamed: { fields: ['title'], owner: 'stream' },
      ListDescriptionChanged: { fields: ['description'], owner: 'stream' },
      FilmAddedToList: { fields: ['note'], owner: 'stream' },
      ListItemNoteChanged: { fields: ['note'], owner: 'stream' },
    },
    streams: [{ prefix: 'list-', founder: 'ListCreated', owner: personalListOwner }],
  },
};
