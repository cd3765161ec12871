import { FilmPosterGrid, marksNote } from '../discovery/film-poster-grid.js';
import { festivalPaths, dateRange } from '../festivals/festival-words.js';
import { ListEntry } from '../lists/list-entry.js';
import { ActivityList } from './activity-views.js';
import type { DiscoveryPanels } from './discovery-panels.js';

/** Popular and trending films, official lists, festivals and the site's latest activity, each a section. */
export function DiscoverySections({ panels }: { readonly panels: DiscoveryPanels }) {
  const popularHeading = panels.popular.period === 'week' ? 'Popular this week' : 'Popular on Filmlog';
  return (
    <div class="discovery">
      <section aria-labelledby="popular-heading" class="discovery-popular">
        <h2 id="popular-heading">{popularHeading}</h2>
        {panels.popular.films.length > 0 ? (
          <FilmPosterGrid
            films={panels.popular.films.map(({ film, marks }) => ({ film, note: marksNote(marks) }))}
            label={popularHeading}
          />
        ) : (
          <p>No film has been checked yet.</p>
        )}
        <p>
          <a href={panels.popular.period === 'week' ? '/browse/films' : '/browse/films?period=all'}>
            More popular films
          </a>
        </p>
      </section>
      {panels.trending.length > 0 && (
        <section aria-labelledby="trending-heading" class="discovery-popular">
          <h2 id="trending-heading">Trending this week</h2>
          <FilmPosterGrid
            films={panels.trending.map(({ film, weekMarks }) => ({
              film,
              note: marksNote(weekMarks, ' this week'),
            }))}
            label="Trending this week"
          />
          <p>
            <a href="/browse/films?sort=trending">More trending films</a>
          </p>
        </section>
      )}
      <section aria-labelledby="official-heading">
        <h2 id="official-heading">Official lists</h2>
        {panels.officialLists.length > 0 ? (
          <ul class="list-entries">
            {panels.officialLists.map((list) => (
              <ListEntry key={list.id} list={list} />
            ))}
          </ul>
        ) : (
          <p>There are no official lists yet.</p>
        )}
        <p>
          <a href="/browse/lists">Every list</a>
        </p>
      </section>
      {panels.festivals.length > 0 && (
        <section aria-labelledby="festivals-heading">
          <h2 id="festivals-heading">Festivals</h2>
          <ul class="discovery-festivals">
            {panels.festivals.map((edition) => (
              <li key={`${edition.slug}-${edition.year}`}>
                <a href={festivalPaths.edition(edition.slug, edition.year)}>
                  {edition.name} {edition.year}
                </a>{' '}
                <span class="muted">{dateRange(edition.startsOn, edition.endsOn)}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="recent-heading">
        <h2 id="recent-heading">Recent activity</h2>
        {panels.recent.length > 0 ? (
          <ActivityList
            items={panels.recent}
            posters={panels.posters}
            label="What members did lately, newest first"
          />
        ) : (
          <p>Nothing has happened here yet.</p>
        )}
      </section>
    </div>
  );
}
