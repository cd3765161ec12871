import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module.js';
import { IdentityModule } from '../identity/identity.module.js';
import { SocialModule } from '../social/social.module.js';
import { ChangeListDetailsHandler } from './commands/change-list-details/change-list-details.command.js';
import { CreateListHandler } from './commands/create-list/create-list.command.js';
import { DeleteListHandler } from './commands/delete-list/delete-list.command.js';
import { ListCommandRunner } from './commands/list-command-runner.js';
import { PublishListEditionHandler } from './commands/publish-list-edition/publish-list-edition.command.js';
import { PutListItemHandler } from './commands/put-list-item/put-list-item.command.js';
import { RemoveListItemHandler } from './commands/remove-list-item/remove-list-item.command.js';
import { ListsController } from './lists.controller.js';
import { GetFilmListsHandler } from './queries/film-lists/film-lists.query.js';
import { GetListHandler } from './queries/get-list/get-list.query.js';
import { GetMemberListsHandler } from './queries/member-lists/member-lists.query.js';
import { SearchListsHandler } from './queries/search-lists/search-lists.query.js';

const commandHandlers = [
  CreateListHandler,
  ChangeListDetailsHandler,
  PutListItemHandler,
  RemoveListItemHandler,
  PublishListEditionHandler,
  DeleteListHandler,
];
const queryHandlers = [GetListHandler, SearchListsHandler, GetMemberListsHandler, GetFilmListsHandler];

/** Official and personal lists: items and ranks, editions, visibility, progress and awards. */
@Module({
  // Catalog gives FilmReferences; identity the authenticator that knows admins; social the members.
  imports: [CatalogModule, IdentityModule, SocialModule],
  controllers: [ListsController],
  providers: [ListCommandRunner, ...commandHandlers, ...queryHandlers],
})
export class ListsModule {}
