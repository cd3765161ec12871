/** Turning generated values into bytes on the wire, hostile ones included, without the client refusing them. */

const UNRESERVED = /[A-Za-z0-9\-._~]/;

/** Percent-encodes every byte of the UTF-8 form but the unreserved ones (a lone surrogate becomes U+FFFD's bytes). */
export const encodeComponent = (text: string): string =>
  [...Buffer.from(text, 'utf8')]
    .map((byte) => {
      const char = String.fromCharCode(byte);
      return byte < 0x80 && UNRESERVED.test(char)
        ? char
        : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    })
    .join('');

/** A path segment: `raw` values are sent as they are (already percent-encoded, possibly badly). */
export type Segment = string | { readonly raw: string };

export const segmentText = (segment: Segment): string =>
  typeof segment === 'string' ? encodeComponent(segment) : segment.raw;

/** A path template with its {params} filled in. */
export function fillPath(template: string, values: Readonly<Record<string, Segment>>): string {
  return template.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`no value for the path parameter ${name} of ${template}`);
    return segmentText(value);
  });
}

export const queryString = (entries: readonly (readonly [string, Segment])[]): string =>
  entries.length === 0
    ? ''
    : `?${entries.map(([name, value]) => `${encodeComponent(name)}=${segmentText(value)}`).join('&')}`;

/**
 * Node refuses header values with control characters or code points past U+00FF; the hostile
 * text is sent as its UTF-8 bytes read as Latin-1, with control characters dropped.
 */
export const headerSafe = (text: string): string =>
  [...Buffer.from(text, 'utf8').toString('latin1')]
    .filter((char) => char === '\t' || (char >= ' ' && char !== '\u007f'))
    .join('');

export interface MultipartPart {
  readonly name: string;
  /** Present for a file part. */
  readonly fileName?: string;
  readonly contentType?: string;
  readonly content: string | Buffer;
}

export const MULTIPART_BOUNDARY = 'hostile-boundary-7f3a';

export function multipartBody(parts: readonly MultipartPart[], boundary = MULTIPART_BOUNDARY): Buffer {
  const chunks = parts.flatMap((part) => {
    const fileName = part.fileName === undefined ? '' : `; filename="${part.fileName}"`;
    const type = part.contentType ? `\r\nContent-Type: ${part.contentType}` : '';
    return [
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"${fileName}${type}\r\n\r\n`,
      ),
      Buffer.isBuffer(part.content) ? part.content : Buffer.from(part.content, 'utf8'),
      Buffer.from('\r\n'),
    ];
  });
  return Buffer.concat([...chunks, Buffer.from(`--${boundary}--\r\n`)]);
}

/** JSON nested `depth` levels deep, written directly (JSON.stringify would recurse as deep). */
export const deepJson = (depth: number, kind: 'object' | 'array'): string =>
  kind === 'object' ? '{"a":'.repeat(depth) + '1' + '}'.repeat(depth) : '['.repeat(depth) + ']'.repeat(depth);
