import type { CommunityCounts } from './tally.js';

const LABELS: Record<keyof CommunityCounts['created'], string> = {
  members: 'members',
  checks: 'checks',
  favourites: 'favourites',
  dislikes: 'dislikes',
  watchlist: 'watchlist entries',
  ratings: 'ratings',
  diaryEntries: 'diary entries',
  reviews: 'reviews',
  follows: 'follows',
  comments: 'comments',
  lists: 'personal lists',
  listItems: 'list entries',
  plannedScreenings: 'planned screenings',
  officialLists: 'official lists',
};

/** The summary a run prints: what was created, what was there already, what was refused, and how long it took. */
export function formatCommunityReport(
  counts: CommunityCounts,
  run: {
    readonly seconds: number;
    readonly password: string;
    readonly curator: string;
    /** False when the demo festival was missing. */
    readonly festival: boolean;
  },
): string {
  const created = Object.entries(counts.created)
    .map(([kind, count]) => `${count} ${LABELS[kind as keyof typeof LABELS]}`)
    .join(', ');
  const lines = [
    `Demo community in ${run.seconds.toFixed(1)} s.`,
    `Created: ${created}.`,
    `Already there: ${counts.alreadyThere.members} members (with their histories), ` +
      `${counts.alreadyThere.officialLists} official lists.`,
    `Refused by the application: ${counts.refused}.`,
    ...counts.refusals.map((refusal) => `  ${refusal}`),
    `Every member signs in with the password "${run.password}"; ${run.curator} is the admin who owns the official lists.`,
    ...(run.festival
      ? []
      : ['The demo festival is not there (npm run seed:demo loads it): nobody planned a screening.']),
    'The worker (npm start) builds the other read models from these events.',
  ];
  return lines.join('\n');
}
