import type { CatalogueFilm } from './catalogue-film.js';
import { planCommunity, type CommunityInput, type MemberPlan } from './community-plan.js';

const TODAY = '2026-12-07';

const films = (count: number): CatalogueFilm[] =>
  Array.from({ length: count }, (_, index) => ({
    id: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
    slug: `film-${index}`,
    title: `Film ${index}`,
    year: 1900 + (index % 120),
    genres: ['drama'],
    countries: index % 3 === 0 ? ['US'] : ['FR'],
    known: index % 10 === 0,
  }));

const input = (overrides: Partial<CommunityInput> = {}): CommunityInput => ({
  seed: 7,
  members: 60,
  films: films(400),
  screeningIds: ['s1', 's2', 's3', 's4', 's5', 's6', 's7'],
  today: TODAY,
  ...overrides,
});

/** Every film's marks, in order, for one member. */
function marksByFilm(member: MemberPlan): Map<string, string[]> {
  const byFilm = new Map<string, string[]>();
  for (const { film, mark } of member.history.marks)
    byFilm.set(film, [...(byFilm.get(film) ?? []), mark.type]);
  return byFilm;
}

describe('planCommunity', () => {
  const plan = planCommunity(input());

  it('makes the same community from the same seed, and another from another', () => {
    expect(planCommunity(input())).toEqual(plan);
    const other = planCommunity(input({ seed: 8 }));
    expect(other.members.map((member) => member.username)).not.toEqual(
      plan.members.map((member) => member.username),
    );
  });

  it('keeps a member the same when the community grows', () => {
    const larger = planCommunity(input({ members: 90 }));

    expect(larger.members[10]!.username).toBe(plan.members[10]!.username);
    expect(larger.members[10]!.history).toEqual(plan.members[10]!.history);
  });

  it('gives every member a distinct, valid username, none of them the curator', () => {
    const usernames = plan.members.map((member) => member.username);

    expect(new Set(usernames.map((name) => name.toLowerCase())).size).toBe(60);
    for (const username of usernames) expect(username).toMatch(/^[a-zA-Z0-9_]{3,30}$/);
    expect(usernames).not.toContain(plan.curator);
  });

  it('only plans marks the film log accepts, in an order it accepts them', () => {
    for (const member of plan.members) {
      for (const [film, marks] of marksByFilm(member)) {
        if (marks[0] === 'AddFilmToWatchlist') {
          expect(marks).toEqual(['AddFilmToWatchlist']);
          continue;
        }
        expect(marks[0]).toBe('CheckFilm');
        expect(marks.filter((mark) => mark === 'CheckFilm')).toHaveLength(1);
        expect(marks.includes('FavouriteFilm') && marks.includes('DislikeFilm')).toBe(false);
        expect(film).toMatch(/^film-\d+$/);
      }
      for (const { mark } of member.history.marks) {
        if (mark.type === 'CheckFilm') expect(mark.watchedOn <= TODAY).toBe(true);
        if (mark.type === 'RateFilm') expect(mark.rating * 2).toBe(Math.round(mark.rating * 2));
      }
      const seen = new Set(member.history.seen.map((film) => film.slug));
      for (const entry of member.history.diary) expect(seen.has(entry.film)).toBe(true);
      for (const comment of member.history.comments) expect(seen.has(comment.film)).toBe(true);
      for (const list of member.lists) for (const film of list.films) expect(seen.has(film)).toBe(true);
    }
  });

  it('makes a few films very popular and leaves a long tail', () => {
    const checks = new Map<string, number>();
    for (const member of plan.members)
      for (const { film, mark } of member.history.marks)
        if (mark.type === 'CheckFilm') checks.set(film, (checks.get(film) ?? 0) + 1);
    const counts = [...checks.values()].sort((a, b) => b - a);
    const total = counts.reduce((sum, count) => sum + count, 0);
    const topTwenty = counts.slice(0, 20).reduce((sum, count) => sum + count, 0);

    expect(counts[0]).toBeGreaterThan(plan.members.length / 2);
    expect(topTwenty / total).toBeGreaterThan(0.15);
    expect(counts.filter((count) => count <= 2).length).toBeGreaterThan(50);
  });

  it('has each member follow 5 to 30 others, never themselves, with a few followed by many', () => {
    const followers = new Map<string, number>();
    for (const member of plan.members) {
      expect(member.follows.length).toBeGreaterThanOrEqual(5);
      expect(member.follows.length).toBeLessThanOrEqual(30);
      expect(new Set(member.follows).size).toBe(member.follows.length);
      expect(member.follows).not.toContain(member.username);
      for (const followee of member.follows) followers.set(followee, (followers.get(followee) ?? 0) + 1);
    }
    const most = Math.max(...followers.values());

    expect(most).toBeGreaterThan(plan.members.length / 2);
  });

  it('follows fewer in a community too small for five', () => {
    const tiny = planCommunity(input({ members: 4 }));

    for (const member of tiny.members) expect(member.follows).toHaveLength(3);
  });

  it('makes lists of all three visibilities, ranked and unranked', () => {
    const lists = plan.members.flatMap((member) => member.lists);

    expect(new Set(lists.map((list) => list.visibility))).toEqual(new Set(['public', 'friends', 'private']));
    expect(new Set(lists.map((list) => list.ranked))).toEqual(new Set([true, false]));
  });

  it('plans only screenings of the edition, each once, for some of the members', () => {
    const planners = plan.members.filter((member) => member.screenings.length > 0);

    expect(planners.length).toBeGreaterThan(0);
    expect(planners.length).toBeLessThan(plan.members.length);
    for (const member of planners) {
      expect(new Set(member.screenings).size).toBe(member.screenings.length);
      for (const id of member.screenings) expect(input().screeningIds).toContain(id);
    }
    expect(planCommunity(input({ screeningIds: [] })).members.every((m) => m.screenings.length === 0)).toBe(
      true,
    );
  });
});
