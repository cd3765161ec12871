const utf8 = new TextDecoder('utf-8', { fatal: true });
const latin1 = new TextDecoder('iso-8859-1');

/**
 * Text from bytes in UTF-8 (without its byte order mark, if any) or, when the
 * bytes are not valid UTF-8, ISO-8859-1: older exports are written in it, and every byte is valid there.
 */
export function decodeText(bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes);
  } catch {
    return latin1.decode(bytes);
  }
}
