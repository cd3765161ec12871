import { createHash } from 'node:crypto';
import sharp from 'sharp';

/** The widest variant served is 600: drawing larger would only cost time. */
const WIDTH = 600;
const HEIGHT = 900;
const LINE_CHARACTERS = 16;
const MAX_LINES = 5;

const XML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/** Text as SVG character data or an attribute value: a title may hold `&`, `<` or quotes. */
export const escapeXml = (text: string): string =>
  text.replace(/[&<>"']/g, (character) => XML_ESCAPES[character]!);

/** The title's words in lines of about LINE_CHARACTERS, the last one cut with an ellipsis when it runs over. */
export function titleLines(title: string): string[] {
  const lines: string[] = [];
  for (const word of title.split(/\s+/).filter(Boolean)) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + 1 + word.length <= LINE_CHARACTERS)
      lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  if (lines.length <= MAX_LINES) return lines;
  return [...lines.slice(0, MAX_LINES - 1), `${lines[MAX_LINES - 1]}…`];
}

/** The same title and year always make the same colours, so a re-run draws the same poster. */
function huesOf(title: string, year: number | undefined): [number, number] {
  const digest = createHash('sha256')
    .update(`${title}\u0000${year ?? ''}`)
    .digest();
  return [digest.readUInt16BE(0) % 360, digest.readUInt16BE(2) % 360];
}

/** The poster as SVG: a gradient of the film's own colours, a frame, the title and the year. */
export function posterSvg(title: string, year: number | undefined): string {
  const [top, bottom] = huesOf(title, year);
  const lines = titleLines(title);
  const fontSize = lines.some((line) => line.length > 12) ? 52 : 64;
  const firstBaseline = 300 - ((lines.length - 1) * fontSize * 1.15) / 2;
  const text = lines
    .map(
      (line, index) =>
        `<text x="300" y="${Math.round(firstBaseline + index * fontSize * 1.15)}" text-anchor="middle" ` +
        `font-family="DejaVu Serif, serif" font-weight="bold" font-size="${fontSize}" fill="#fff">${escapeXml(line)}</text>`,
    )
    .join('');
  const yearText =
    year === undefined
      ? ''
      : `<text x="300" y="780" text-anchor="middle" font-family="DejaVu Sans, sans-serif" font-size="44" ` +
        `fill="#fff" fill-opacity="0.85">${year}</text>`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}">` +
    `<defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1">` +
    `<stop offset="0" stop-color="hsl(${top},55%,22%)"/><stop offset="1" stop-color="hsl(${bottom},60%,45%)"/>` +
    `</linearGradient></defs>` +
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="url(#sky)"/>` +
    `<circle cx="300" cy="560" r="150" fill="hsl(${(top + 180) % 360},70%,60%)" fill-opacity="0.35"/>` +
    `<rect x="24" y="24" width="${WIDTH - 48}" height="${HEIGHT - 48}" fill="none" stroke="#fff" stroke-opacity="0.6" stroke-width="4"/>` +
    `${text}${yearText}</svg>`
  );
}

/** The poster rasterised to a JPEG, as an admin would upload it. */
export const drawPoster = (title: string, year: number | undefined): Promise<Buffer> =>
  sharp(Buffer.from(posterSvg(title, year)))
    .jpeg({ quality: 85 })
    .toBuffer();
