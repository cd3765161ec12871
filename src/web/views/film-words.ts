import { countryOf } from '../../modules/catalog/domain/countries.js';

// How the pages name a film's facts and link to it, wherever a film is shown.

const languageNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'code' });

/** "French" for "fr"; the code itself when the name is unknown. */
export const languageName = (code: string): string => languageNames.of(code) ?? code;

export const countryName = (code: string): string => countryOf(code)?.name ?? code;

/** "Science fiction" for "science-fiction": genres are stored as lowercase kebab. */
export const genreName = (genre: string): string => {
  const words = genre.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/** "2 h 10 min" for 130. */
export const runtimeText = (minutes: number): string => {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
};

/** A film page's path. */
export const filmPath = (slug: string): string => `/film/${encodeURIComponent(slug)}`;
