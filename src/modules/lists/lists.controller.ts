import { Body, Controller, Delete, Get, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Public, type SignedInUser } from '../../common/auth/index.js';
import { ConsistentRead } from '../../common/consistency/consistent-read.js';
import { PageRequest, type Page } from '../../common/paging/index.js';
import {
  ApiProblem,
  BAD_FIELD,
  BAD_PAGE,
  NO_FILM,
  NO_MEMBER,
  SIGNED_IN,
} from '../../common/openapi/problem-responses.js';
import { Actor } from '../../platform/commands/actor.decorator.js';
import { ChangeListDetails } from './commands/change-list-details/change-list-details.command.js';
import { ChangeListDetailsRequest } from './commands/change-list-details/change-list-details.request.js';
import { CreateList } from './commands/create-list/create-list.command.js';
import { CreateListRequest } from './commands/create-list/create-list.request.js';
import { DeleteList } from './commands/delete-list/delete-list.command.js';
import { PublishListEdition } from './commands/publish-list-edition/publish-list-edition.command.js';
import { PublishListEditionRequest } from './commands/publish-list-edition/publish-list-edition.request.js';
import { PutListItem } from './commands/put-list-item/put-list-item.command.js';
import { PutListItemRequest } from './commands/put-list-item/put-list-item.request.js';
import { RemoveListItem } from './commands/remove-list-item/remove-list-item.command.js';
import {
  FilmListsResponse,
  ListDeletedResponse,
  ListDetailResponse,
  ListEditionWrittenResponse,
  ListItemPutResponse,
  ListItemRemovedResponse,
  ListSummaryPageResponse,
  ListWrittenResponse,
  PublicListPageResponse,
  type FilmLists,
  type ListDeleted,
  type ListDetail,
  type ListEditionWritten,
  type ListItemPut,
  type ListItemRemoved,
  type ListSummary,
  type ListWritten,
  type PublicListSummary,
} from './lists.response.js';
import { GetFilmLists } from './queries/film-lists/film-lists.query.js';
import { GetList } from './queries/get-list/get-list.query.js';
import { ListItemsPageRequest } from './queries/get-list/list-items-page.request.js';
import { GetMemberLists } from './queries/member-lists/member-lists.query.js';
import { SearchLists } from './queries/search-lists/search-lists.query.js';
import { SearchListsRequest } from './queries/search-lists/search-lists.request.js';
import { followsProjection } from '../social/projections/follows.projection.js';
import { listsProjection } from './projections/lists.projection.js';
import { FILM_REFERENCE } from '../catalog/films/film-reference.param.js';
import { USERNAME } from '../identity/accounts/username.param.js';

const LIST_ID = ApiParam({ name: 'id', format: 'uuid', description: 'The list id' });
const NO_LIST = ApiProblem(404, 'No list has that id: never made, deleted, or not one this reader may see');
const NO_LIST_OR_FILM = ApiProblem(
  404,
  'No list has that id (or the reader may not see it), or no film has that id or slug',
);
const MAY_NOT_EDIT = ApiProblem(
  403,
  'The member sees the list but may not change it (not the owner; an official list needs an admin), or is suspended',
);

@ApiTags('lists')
@Controller()
export class ListsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post('lists')
  @ApiOperation({
    summary: 'Make a list: personal (private, friends or public), or official (admins; public)',
  })
  @ApiCreatedResponse({ type: ListWrittenResponse })
  @ApiProblem(400, 'A bad or missing field, or an unknown one, named')
  @SIGNED_IN
  @ApiProblem(403, 'An official list from a member who is not an admin, or suspended')
  @ApiProblem(422, 'An official list that is not public (code official-lists-are-public)')
  create(@Actor() { user, context }: Actor, @Body() body: CreateListRequest): Promise<ListWritten> {
    const list = {
      title: body.title,
      description: body.description ?? null,
      ranked: body.ranked,
      visibility: body.visibility,
      official: body.official ?? false,
    };
    return this.commands.execute(new CreateList(user, list, context));
  }

  @Public()
  @Get('lists')
  @ConsistentRead(listsProjection)
  @ApiOperation({
    summary:
      'Public lists (every official list is public), newest first or most viewed first, with the signed-in reader’s progress',
  })
  @ApiOkResponse({ type: PublicListPageResponse })
  @ApiProblem(400, 'A bad official, q, sort, limit or cursor, named')
  search(
    @CurrentUser() reader: SignedInUser | undefined,
    @Query() search: SearchListsRequest,
  ): Promise<Page<PublicListSummary>> {
    return this.queries.execute(new SearchLists(reader?.id ?? null, search));
  }

  @Public()
  @Get('lists/:id')
  @LIST_ID
  // Who sees a friends-only list comes from the follows table.
  @ConsistentRead(listsProjection, followsProjection)
  @ApiOperation({
    summary:
      'A list with a page of its items in rank order (insertion order when unranked) and the signed-in reader’s progress',
  })
  @ApiOkResponse({ type: ListDetailResponse })
  @BAD_PAGE
  @NO_LIST
  get(
    @Param('id') id: string,
    @CurrentUser() reader: SignedInUser | undefined,
    @Query() page: ListItemsPageRequest,
  ): Promise<ListDetail> {
    return this.queries.execute(new GetList(id, reader?.id ?? null, page));
  }

  @Patch('lists/:id')
  @LIST_ID
  @ApiOperation({ summary: 'Rename, describe or change who sees a list; a field left out stays' })
  @ApiOkResponse({ type: ListWrittenResponse })
  @BAD_FIELD
  @SIGNED_IN
  @MAY_NOT_EDIT
  @NO_LIST
  @ApiProblem(422, 'An official list made other than public (code official-lists-are-public)')
  change(
    @Actor() { user, context }: Actor,
    @Param('id') id: string,
    @Body() body: ChangeListDetailsRequest,
  ): Promise<ListWritten> {
    const change = {
      ...(body.title === undefined ? {} : { title: body.title }),
      ...(body.description === undefined ? {} : { description: body.description }),
      ...(body.visibility === undefined ? {} : { visibility: body.visibility }),
    };
    return this.commands.execute(new ChangeListDetails(user, id, change, context));
  }

  @Delete('lists/:id')
  @LIST_ID
  @ApiOperation({ summary: 'Delete a list: its owner, or an admin for an official list' })
  @ApiOkResponse({ type: ListDeletedResponse })
  @SIGNED_IN
  @MAY_NOT_EDIT
  @NO_LIST
  delete(@Actor() { user, context }: Actor, @Param('id') id: string): Promise<ListDeleted> {
    return this.commands.execute(new DeleteList(user, id, context));
  }

  @Put('lists/:id/items/:idOrSlug')
  @LIST_ID
  @FILM_REFERENCE
  @ApiOperation({
    summary:
      'Add a film at a rank (or the end), or move it there if listed; later films shift down one, ranks stay 1..n',
  })
  @ApiOkResponse({ type: ListItemPutResponse })
  @ApiProblem(400, 'A rank that is not a whole number ≥ 1, a bad note, or an unknown field, named')
  @SIGNED_IN
  @MAY_NOT_EDIT
  @NO_LIST_OR_FILM
  @ApiProblem(422, 'A rank on an unranked list (code list-not-ranked), or a full list (code list-full)')
  putItem(
    @Actor() { user, context }: Actor,
    @Param('id') id: string,
    @Param('idOrSlug') film: string,
    @Body() body: PutListItemRequest,
  ): Promise<ListItemPut> {
    const change = {
      ...(body.rank === undefined ? {} : { rank: body.rank }),
      ...(body.note === undefined ? {} : { note: body.note }),
    };
    return this.commands.execute(new PutListItem(user, id, film, change, context));
  }

  @Delete('lists/:id/items/:idOrSlug')
  @LIST_ID
  @FILM_REFERENCE
  @ApiOperation({ summary: 'Take a film off a list; the films after it move up one (not listed: no change)' })
  @ApiOkResponse({ type: ListItemRemovedResponse })
  @SIGNED_IN
  @MAY_NOT_EDIT
  @NO_LIST_OR_FILM
  removeItem(
    @Actor() { user, context }: Actor,
    @Param('id') id: string,
    @Param('idOrSlug') film: string,
  ): Promise<ListItemRemoved> {
    return this.commands.execute(new RemoveListItem(user, id, film, context));
  }

  @Put('lists/:id/edition')
  @LIST_ID
  @ApiOperation({
    summary:
      'Publish a new edition of an official list (admins): its films in rank order replace the content; films that drop out keep their history',
  })
  @ApiOkResponse({ type: ListEditionWrittenResponse })
  @ApiProblem(400, 'films is not an array of film ids or slugs, or an unknown field, named')
  @SIGNED_IN
  @MAY_NOT_EDIT
  @NO_LIST_OR_FILM
  @ApiProblem(
    422,
    'A personal list (code not-an-official-list), or a film listed twice (code duplicate-films)',
  )
  publishEdition(
    @Actor() { user, context }: Actor,
    @Param('id') id: string,
    @Body() body: PublishListEditionRequest,
  ): Promise<ListEditionWritten> {
    return this.commands.execute(new PublishListEdition(user, id, body.films, context));
  }

  @Public()
  @Get('users/:username/lists')
  @USERNAME
  @ConsistentRead(listsProjection, followsProjection)
  @ApiOperation({
    summary:
      'A member’s lists that the reader may see, newest first, with the signed-in reader’s own progress on each',
  })
  @ApiOkResponse({ type: ListSummaryPageResponse })
  @BAD_PAGE
  @NO_MEMBER
  memberLists(
    @Param('username') username: string,
    @CurrentUser() reader: SignedInUser | undefined,
    @Query() page: PageRequest,
  ): Promise<Page<ListSummary>> {
    return this.queries.execute(new GetMemberLists(username, reader?.id ?? null, page));
  }

  @Public()
  @Get('films/:idOrSlug/lists')
  @FILM_REFERENCE
  @ConsistentRead(listsProjection)
  @ApiOperation({
    summary:
      'The official lists a film is in, with its rank in each; currentCount now, everCount including lists it dropped out of',
  })
  @ApiOkResponse({ type: FilmListsResponse })
  @NO_FILM
  filmLists(@Param('idOrSlug') film: string): Promise<FilmLists> {
    return this.queries.execute(new GetFilmLists(film));
  }
}
