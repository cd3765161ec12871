import { StringDecoder } from 'node:string_decoder';

/** No sane line is this long; a file with one is not line-oriented text, and is refused whole. */
export const MAX_LINE_CHARS = 1 << 20;

export class LineTooLongError extends Error {
  override readonly name = 'LineTooLongError';

  constructor(readonly afterBytes: number) {
    super(`a line longer than ${MAX_LINE_CHARS} characters within the first ${afterBytes} bytes`);
  }
}

export interface LineChunk {
  /** Complete lines, without their `\n` (a `\r` before it is left to the parser). */
  readonly lines: readonly string[];
  /** Bytes of the source consumed so far, for progress. */
  readonly bytesRead: number;
}

/**
 * Splits a byte stream into lines, one array per chunk read. Iterating the source with
 * `for await` pulls the next chunk only when the consumer asks for it, so memory stays at a
 * chunk plus a partial line whatever the size of the file. UTF-8 characters split across chunks
 * are decoded whole.
 */
export async function* readLineChunks(source: AsyncIterable<Buffer | string>): AsyncGenerator<LineChunk> {
  const decoder = new StringDecoder('utf8');
  let partial = '';
  let bytesRead = 0;
  for await (const chunk of source) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    bytesRead += buffer.length;
    const lines = (partial + decoder.write(buffer)).split('\n');
    partial = lines.pop() ?? '';
    if (partial.length > MAX_LINE_CHARS) throw new LineTooLongError(bytesRead);
    if (lines.length > 0) yield { lines, bytesRead };
  }
  const rest = partial + decoder.end();
  if (rest !== '') yield { lines: [rest], bytesRead };
}
