import { Get, Param, Query, Req } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { StrandNotFoundException } from '../../modules/festivals/programme/programme-errors.js';
import { filledText } from '../http/forms.js';
import { postersOf } from '../http/page-posters.js';
import { WebPages, view } from '../http/web-page.js';
import type { WebRequest } from '../http/web-request.js';
import { GetEdition, ListDayScreenings, ListEditionFilms, ListFestivals } from './festival-messages.js';
import { festivalPaths } from './festival-words.js';
import { friendsPlanning, plannedIn } from './planned.js';
import { DayView, StrandView } from './day-strand-views.js';
import { EditionView, FestivalArchiveView, type FilmFilters } from './edition-views.js';

/** Films per page of an edition's or a strand's list. */
export const FESTIVAL_FILMS_PER_PAGE = 20;

const FILTERS = ['strand', 'day', 'continent', 'country'] as const;

/** The programme as a festival-goer browses it: archive, edition, day, strand. Reads only. */
@WebPages('festival')
export class FestivalPagesController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  async archive() {
    const { items } = await this.queries.execute(new ListFestivals());
    return view(FestivalArchiveView, { festivals: items });
  }

  @Get(':festival/:year')
  async edition(
    @Param('festival') festival: string,
    @Param('year') year: string,
    @Query() query: Record<string, unknown>,
    @Req() request: WebRequest,
  ) {
    const filters: FilmFilters = Object.fromEntries(
      FILTERS.flatMap((name) => {
        const value = filledText(query[name]);
        return value === undefined ? [] : [[name, value]];
      }),
    );
    const edition = await this.queries.execute(new GetEdition(festival, year));
    const [films, plan] = await Promise.all([
      this.films(festival, year, filters, query.cursor),
      plannedIn(this.queries, request.reader, edition.festival.slug, edition.year),
    ]);
    const posters = await postersOf(
      this.queries,
      films.page.items.map((entry) => entry.film),
    );
    const search = new URLSearchParams({ ...filters }).toString();
    const here = `${festivalPaths.edition(edition.festival.slug, edition.year)}${search ? `?${search}` : ''}`;
    return view(EditionView, {
      edition,
      filters,
      films: films.page.items,
      posters,
      firstHref: films.cursor === undefined ? null : `${here}#films-heading`,
      nextHref: nextHref(here, films.page.nextCursor),
      plan,
    });
  }

  @Get(':festival/:year/day/:date')
  async day(
    @Param('festival') festival: string,
    @Param('year') year: string,
    @Param('date') date: string,
    @Req() request: WebRequest,
  ) {
    const edition = await this.queries.execute(new GetEdition(festival, year));
    const [{ items }, plan] = await Promise.all([
      this.queries.execute(new ListDayScreenings(festival, year, date)),
      plannedIn(this.queries, request.reader, edition.festival.slug, edition.year),
    ]);
    const [friends, posters] = await Promise.all([
      friendsPlanning(
        this.queries,
        request.reader,
        items.map((screening) => screening.id),
      ),
      postersOf(
        this.queries,
        items.map((screening) => screening.film),
      ),
    ]);
    return view(DayView, { edition, date, screenings: items, posters, plan: { ...plan, friends } });
  }

  @Get(':festival/:year/strand/:strand')
  async strand(
    @Param('festival') festival: string,
    @Param('year') year: string,
    @Param('strand') slug: string,
    @Query('cursor') cursor: unknown,
    @Req() request: WebRequest,
  ) {
    const edition = await this.queries.execute(new GetEdition(festival, year));
    const strand = edition.strands.find((candidate) => candidate.slug === slug);
    if (strand === undefined) throw new StrandNotFoundException(slug);
    const [films, plan] = await Promise.all([
      this.films(festival, year, { strand: slug }, cursor),
      plannedIn(this.queries, request.reader, edition.festival.slug, edition.year),
    ]);
    const [friends, posters] = await Promise.all([
      friendsPlanning(
        this.queries,
        request.reader,
        films.page.items.flatMap((entry) => entry.screenings.map((screening) => screening.id)),
      ),
      postersOf(
        this.queries,
        films.page.items.map((entry) => entry.film),
      ),
    ]);
    const here = festivalPaths.strand(edition.festival.slug, edition.year, strand.slug);
    return view(StrandView, {
      edition,
      strand,
      films: films.page.items,
      posters,
      firstHref: films.cursor === undefined ? null : here,
      nextHref: nextHref(here, films.page.nextCursor),
      plan: { ...plan, friends },
    });
  }

  /** The same query as GET /api/v1/festivals/{festival}/{year}/films: its own 400s for bad filters or cursor. */
  private async films(festival: string, year: string, filters: FilmFilters, cursorValue: unknown) {
    const cursor = filledText(cursorValue);
    const page = { limit: FESTIVAL_FILMS_PER_PAGE, ...(cursor === undefined ? {} : { cursor }) };
    return { cursor, page: await this.queries.execute(new ListEditionFilms(festival, year, filters, page)) };
  }
}

const nextHref = (here: string, cursor: string | null): string | null =>
  cursor === null
    ? null
    : `${here}${here.includes('?') ? '&' : '?'}cursor=${encodeURIComponent(cursor)}#films-heading`;
