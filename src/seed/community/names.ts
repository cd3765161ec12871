import { SeededRandom } from '../../common/seeded-random.js';

const FIRST_NAMES = [
  'ada',
  'alma',
  'anna',
  'arlo',
  'bea',
  'ben',
  'cleo',
  'dara',
  'eli',
  'elsa',
  'emil',
  'esme',
  'finn',
  'freya',
  'gus',
  'hana',
  'ines',
  'ivo',
  'jonas',
  'june',
  'kai',
  'kenji',
  'lena',
  'leo',
  'lina',
  'luca',
  'maya',
  'milo',
  'nadia',
  'nico',
  'nora',
  'olga',
  'omar',
  'otto',
  'pia',
  'rafa',
  'rosa',
  'sami',
  'sara',
  'theo',
  'tove',
  'uma',
  'vera',
  'wren',
  'yuki',
  'zoe',
  'agnes',
  'bruno',
  'carmen',
  'dmitri',
  'edith',
  'felix',
  'greta',
  'hugo',
  'ingrid',
  'jules',
  'karim',
  'lotte',
  'marcel',
  'nell',
  'oskar',
  'paz',
] as const;

const FILM_WORDS = [
  'reel',
  'frame',
  'cinema',
  'celluloid',
  'noir',
  'montage',
  'closeup',
  'matinee',
  'projector',
  'dolly',
  'fade',
  'jumpcut',
  'marquee',
  'nitrate',
  'widescreen',
  'technicolor',
  'kino',
  'film',
  'screen',
  'zoom',
  'lumiere',
  'silent',
  'arthouse',
  'midnight',
  'popcorn',
  'credits',
  'cutaway',
  'tracking',
  'lens',
  'reelist',
] as const;

const ADJECTIVES = [
  'quiet',
  'lazy',
  'velvet',
  'rainy',
  'sleepy',
  'wild',
  'golden',
  'tiny',
  'late',
  'lucky',
  'blue',
  'cosmic',
  'dusty',
  'gentle',
  'hungry',
  'lost',
  'neon',
  'paper',
  'salty',
  'slow',
  'sunday',
  'urban',
] as const;

const ANIMALS = [
  'penguin',
  'otter',
  'heron',
  'fox',
  'badger',
  'owl',
  'lynx',
  'moth',
  'crow',
  'hare',
  'seal',
  'wren',
  'gecko',
  'panda',
  'koala',
  'raven',
  'bison',
  'tapir',
] as const;

type Shape = (random: SeededRandom) => string;

/** The shapes people give themselves on film sites: a name and a habit, a nickname, a year. */
const SHAPES: readonly Shape[] = [
  (r) => `${r.pick(FIRST_NAMES)}_${r.pick(FILM_WORDS)}`,
  (r) => `${r.pick(FILM_WORDS)}${r.pick(ANIMALS)}`,
  (r) => `${r.pick(ADJECTIVES)}_${r.pick(ANIMALS)}${r.int(1, 99)}`,
  (r) => `${r.pick(FIRST_NAMES)}${r.int(1960, 2006)}`,
  (r) => `${r.pick(FIRST_NAMES)}_watches`,
  (r) => `${r.pick(ADJECTIVES)}${r.pick(FILM_WORDS)}`,
  (r) => `${r.pick(FIRST_NAMES)}_${r.pick(FIRST_NAMES)}${r.int(1, 9)}`,
  (r) => `the_${r.pick(ADJECTIVES)}_${r.pick(FILM_WORDS)}`,
];

/** Usernames are compared without case, as accounts compare them. */
const keyOf = (username: string): string => username.toLowerCase();

/**
 * `count` distinct usernames (3 to 30 letters, digits and underscores), the same for the same
 * seed; none of them is `reserved`.
 */
export function communityUsernames(seed: number, count: number, reserved: readonly string[] = []): string[] {
  const random = SeededRandom.derived(seed, 'usernames');
  const taken = new Set(reserved.map(keyOf));
  const names: string[] = [];
  while (names.length < count) {
    let name = random.pick(SHAPES)(random).slice(0, 27);
    for (let suffix = 2; taken.has(keyOf(name)); suffix += 1) name = `${name.replace(/\d+$/u, '')}${suffix}`;
    taken.add(keyOf(name));
    names.push(name);
  }
  return names;
}
