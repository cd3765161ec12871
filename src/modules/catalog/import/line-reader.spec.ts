import { LineTooLongError, MAX_LINE_CHARS, readLineChunks } from './line-reader.js';

async function* chunksOf(...parts: (Buffer | string)[]): AsyncGenerator<Buffer | string> {
  for (const part of parts) yield part;
}

async function linesOf(source: AsyncIterable<Buffer | string>): Promise<{ lines: string[]; bytes: number }> {
  const lines: string[] = [];
  let bytes = 0;
  for await (const chunk of readLineChunks(source)) {
    lines.push(...chunk.lines);
    bytes = chunk.bytesRead;
  }
  return { lines, bytes };
}

describe('readLineChunks', () => {
  it('joins lines cut across chunks and keeps a last line without a newline', async () => {
    const { lines, bytes } = await linesOf(chunksOf('first\nsec', 'ond\n\nthi', 'rd'));

    expect(lines).toEqual(['first', 'second', '', 'third']);
    expect(bytes).toBe(Buffer.byteLength('first\nsecond\n\nthird'));
  });

  it('decodes a UTF-8 character whose bytes arrive in two chunks', async () => {
    const bytes = Buffer.from('Cédric\nKlapisch\n');
    const cut = bytes.indexOf(0xa9); // the second byte of "é"

    const { lines } = await linesOf(chunksOf(bytes.subarray(0, cut), bytes.subarray(cut)));

    expect(lines).toEqual(['Cédric', 'Klapisch']);
  });

  it('gives nothing for an empty source', async () => {
    expect((await linesOf(chunksOf())).lines).toEqual([]);
  });

  it('refuses a line no text file would hold rather than buffer it', async () => {
    const huge = 'x'.repeat(MAX_LINE_CHARS / 4);

    await expect(linesOf(chunksOf('ok\n', huge, huge, huge, huge, huge))).rejects.toBeInstanceOf(
      LineTooLongError,
    );
  });
});
