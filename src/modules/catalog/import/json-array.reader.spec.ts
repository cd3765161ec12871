import { NotJsonArrayError, readJsonArrayEntries, type JsonArrayEntry } from './json-array.reader.js';

async function* chunked(text: string, size: number): AsyncGenerator<string> {
  for (let start = 0; start < text.length; start += size) yield text.slice(start, start + size);
}

async function entriesOf(text: string, chunkSize = text.length || 1): Promise<JsonArrayEntry[]> {
  const entries: JsonArrayEntry[] = [];
  for await (const chunk of readJsonArrayEntries(chunked(text, chunkSize))) entries.push(...chunk.entries);
  return entries;
}

const FILMS = `[
  {"title": "Paris", "year": 2008},
  {"title": "A \\"quoted\\" title, with [brackets] and {braces}",
   "genres": ["drama"]},
  {"title": "Holy Motors"}
]
`;

describe('readJsonArrayEntries', () => {
  it('cuts the array into its elements, each with the line it starts on', async () => {
    const entries = await entriesOf(FILMS);

    expect(entries.map((entry) => entry.line)).toEqual([2, 3, 5]);
    expect(entries.map((entry) => JSON.parse((entry as { text: string }).text))).toEqual([
      { title: 'Paris', year: 2008 },
      { title: 'A "quoted" title, with [brackets] and {braces}', genres: ['drama'] },
      { title: 'Holy Motors' },
    ]);
  });

  it('gives the same elements however the text is cut into chunks', async () => {
    const whole = await entriesOf(FILMS);

    for (const size of [1, 2, 3, 7, 16]) expect(await entriesOf(FILMS, size)).toEqual(whole);
  });

  it('isolates a malformed element, so the next ones still come', async () => {
    const entries = await entriesOf('[{"title": oops}, {"title": "Fine"}]');

    expect(entries).toHaveLength(2);
    expect(() => JSON.parse((entries[0] as { text: string }).text)).toThrow(SyntaxError);
    expect(JSON.parse((entries[1] as { text: string }).text)).toEqual({ title: 'Fine' });
  });

  it('reads an empty array as no elements', async () => {
    expect(await entriesOf(' [ ] ')).toEqual([]);
  });

  it('reports a file that ends inside an element or before the array closes', async () => {
    expect(await entriesOf('[{"title": "Paris"},\n{"title": "Cut')).toEqual([
      { line: 1, text: '{"title": "Paris"}' },
      { line: 2, problem: 'the file ends inside this entry' },
    ]);
    expect(await entriesOf('[{"a": 1},\n')).toEqual([
      { line: 1, text: '{"a": 1}' },
      { line: 2, problem: 'the file ends before the array does (])' },
    ]);
  });

  it('reports text after the array once', async () => {
    expect(await entriesOf('[1]\n[2] [3]')).toEqual([
      { line: 1, text: '1' },
      { line: 2, problem: 'text after the end of the array' },
    ]);
  });

  it('refuses a file that is not an array', async () => {
    await expect(entriesOf('{"title": "Paris"}')).rejects.toBeInstanceOf(NotJsonArrayError);
    await expect(entriesOf('')).rejects.toBeInstanceOf(NotJsonArrayError);
  });
});
