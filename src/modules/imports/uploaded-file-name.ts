/**
 * The upload's file name as the member's client wrote it. Multer hands over the name's bytes read
 * as latin1, while browsers and curl send UTF-8: re-read them as UTF-8, unless they are not valid
 * UTF-8 (a client that really sent latin1), in which case the name stays as it came.
 */
export function uploadedFileName(original: string): string {
  if (original === '') return 'upload';
  const bytes = Buffer.from(original, 'latin1');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return original;
  }
}
