import sharp from 'sharp';

/** A poster as an admin uploads it: a 1000×1500 JPEG. */
export const POSTER_SIZE = { width: 1000, height: 1500 } as const;

/**
 * Poster `index`: a colour of its own, bands and circles placed from the index, and a title, so
 * no two are alike and each compresses as a designed poster does, not as a flat colour.
 */
export async function benchPoster(index: number): Promise<Buffer> {
  const { width, height } = POSTER_SIZE;
  const hue = (index * 137) % 360;
  const shapes = Array.from({ length: 12 }, (_, shape) => {
    const x = (index * 97 + shape * 211) % width;
    const y = (index * 53 + shape * 157) % height;
    const radius = 40 + ((index + shape * 31) % 220);
    return `<circle cx="${x}" cy="${y}" r="${radius}" fill="hsl(${(hue + shape * 29) % 360},70%,${30 + (shape % 5) * 10}%)" fill-opacity="0.7"/>`;
  }).join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <defs><linearGradient id="g" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="hsl(${hue},60%,25%)"/><stop offset="1" stop-color="hsl(${(hue + 60) % 360},60%,70%)"/>
    </linearGradient></defs>
    <rect width="100%" height="100%" fill="url(#g)"/>${shapes}
    <text x="80" y="1300" font-family="sans-serif" font-size="110" fill="white">Film ${index}</text>
  </svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 85 }).toBuffer();
}
