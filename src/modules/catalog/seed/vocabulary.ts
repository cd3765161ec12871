import type { SeededRandom } from '../../../common/seeded-random.js';

/** Words of generated film titles and people's names: invented films, real-looking text. */
const NOUNS = (
  'Night Day River City Garden Road House Winter Summer Storm Shadow Light Heart Mirror Island ' +
  'Mountain Harbour Station Letter Promise Secret Stranger Journey Kingdom Silence Fire Water Stone ' +
  'Wolf Horse Bird Dream Memory Song Dance Game Hunter Angel Ghost Witness Border Empire Desert ' +
  'Forest Ocean Bridge Tower Window Door Street Train Voyage Return Escape Harvest Lantern ' +
  'Compass Orchard Lighthouse Carnival Cathedral Factory Frontier Glacier Labyrinth Meadow Monsoon ' +
  'Parade Prairie Quarry Requiem Sanctuary Tempest Twilight Valley Vineyard Whisper Widow Wanderer'
).split(' ');

const ADJECTIVES = (
  'Last First Silent Broken Golden Hidden Lost Wild Dark Bright Cold Burning Quiet Endless Little ' +
  'Great Long Secret Blue Red White Black Sweet Bitter Distant Forgotten Sleeping Falling Rising ' +
  'Crimson Hollow Northern Southern Restless Fragile Savage Gentle Lonely Electric Midnight Scarlet'
).split(' ');

const PLACES = (
  'Paris|Tokyo|Lisbon|Berlin|Naples|Istanbul|Marseille|Havana|Dakar|Oslo|Kraków|Reykjavík|Montréal|' +
  'São Paulo|Zürich|Sevilla|Bogotá|Québec|Nîmes|Göteborg|Córdoba|Tromsø|Łódź|Brașov|Cádiz'
).split('|');

/** Titles in other languages, some with accents: the search must find them typed without. */
const FOREIGN_TITLES = (
  'La Vie rêvée|Le Goût des autres|Les Enfants du siècle|Été violent|L’Île nue|Amour fou|' +
  'La Nuit américaine|Sans toit ni loi|Jeux interdits|Un Cœur en hiver|El Espíritu de la colmena|' +
  'Mañana será otro día|La Niña santa|Días de fútbol|Die Ehe der Maria|Der Himmel über der Stadt|' +
  'Schöne Grüße|Fräulein Else|Ladri di biciclette|La Città delle donne|Il Sorpasso|Così ridevano|' +
  'Sommarnattens leende|Smultronställen|Tystnaden|Pociąg|Nóż w wodzie|Öndög|Yol|Kış Uykusu|' +
  'Ação e reação|A Hora da estrela|Noite vazia|Čovek nije tica|Hřebenovka|Ángel negro'
).split('|');

const FIRST_NAMES = (
  'Agnès Alain Albert Alice Ana André Anna Antoine Ásgeir Béatrice Benoît Bruno Carla Catherine ' +
  'Cédric Chantal Claire Claude Daniel David Denis Élodie Emma Éric Fabrice Federico Françoise ' +
  'François Gaël Gérard Gilles Guillermo Hélène Henri Ingmar Isabelle Jacques Jan Jean Jérôme João ' +
  'José Juliette Jürgen Karin Krzysztof Lars Laura Léa Léon Leos Lucía Luis Łukasz Manuel Marcel ' +
  'Margarethe María Marie Marta Mathieu Michel Miguel Mireille Nadia Noémie Olivier Pablo Paolo ' +
  'Pedro Pierre Raphaël René Romain Rosa Sandrine Sébastien Sofía Søren Stéphane Sylvie Thomas ' +
  'Tomás Ursula Valérie Vincent Wim Yasujirō Yves Zoë Zoltán'
).split(' ');

/** Common surnames, so invented people are not mistaken for real film-makers. */
const LAST_NAMES = (
  'Martin Bernard Dubois Durand Lefèvre Mercier Girard Bonnet Fontaine Garnier Chevalier Lambert ' +
  'Faure Gauthier Perrin Morel Fournier Roussel Barbier Brun Roche Vidal Caron Renaud Dumont Leclerc ' +
  'Noël Meunier Aubert Lemoine Hébert Bélanger Gagné Côté Ménard Pélissier Thévenin Ibáñez Núñez ' +
  'Muñoz Peña Gutiérrez Jiménez Ortega Castillo Müller Schröder Köhler Böhm Jäger Krüger Hoffmann ' +
  'Østergaard Sørensen Åberg Lindqvist Nyström Wiśniewski Wójcik Kowalczyk Zieliński Łukaszewska ' +
  'Novák Svoboda Černý Dvořáková Yılmaz Öztürk Çelik Şahin Gonçalves Simões Araújo Ferreira Rossi ' +
  'Esposito Bianchi Romano Colombo Ricci Marino Greco Conti Nakamura Tanaka Kobayashi Watanabe'
).split(' ');

/** IMDb's genres as its files spell them. */
export const IMDB_GENRE_NAMES = (
  'Action Adventure Animation Biography Comedy Crime Documentary Drama Family Fantasy Film-Noir ' +
  'History Horror Music Musical Mystery Romance Sci-Fi Sport Thriller War Western'
).split(' ');

/** Some titles carry quotes, which title.basics.tsv leaves unescaped. */
export function filmTitle(random: SeededRandom): string {
  const pattern = random.int(0, 11);
  const noun = random.pick(NOUNS);
  const adjective = random.pick(ADJECTIVES);
  switch (pattern) {
    case 0:
    case 1:
      return `The ${adjective} ${noun}`;
    case 2:
      return `${noun} of ${random.pick(PLACES)}`;
    case 3:
      return `${adjective} ${noun}s`;
    case 4:
      return random.pick(FOREIGN_TITLES);
    case 5:
      return `${random.pick(FIRST_NAMES)}'s ${noun}`;
    case 6:
      return `A ${noun} in ${random.pick(PLACES)}`;
    case 7:
      return `"${adjective}" ${noun}`;
    case 8:
      return `${noun} and ${random.pick(NOUNS)}`;
    case 9:
      return `${random.pick(PLACES)}, ${random.int(1920, 2020)}`;
    case 10:
      return `${adjective} ${noun} ${random.int(2, 4)}`;
    default:
      return `${noun}`;
  }
}

export function personName(random: SeededRandom): string {
  return `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`;
}

/** Words and names to search for; the bench mistypes and cuts some of them. */
export const SEARCH_WORDS: readonly string[] = [...NOUNS, ...ADJECTIVES, ...PLACES, ...LAST_NAMES];
