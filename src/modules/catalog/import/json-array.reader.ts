import { StringDecoder } from 'node:string_decoder';

/** One element of a JSON array, as text, or why it could not be cut out. */
export type JsonArrayEntry =
  { readonly line: number; readonly text: string } | { readonly line: number; readonly problem: string };

export interface JsonEntryChunk {
  readonly entries: readonly JsonArrayEntry[];
  readonly bytesRead: number;
}

export class NotJsonArrayError extends Error {
  override readonly name = 'NotJsonArrayError';

  constructor() {
    super('the file does not start with a JSON array ([)');
  }
}

/** A film is a few kilobytes; an entry this long is refused without being held in memory. */
export const MAX_ENTRY_CHARS = 1 << 20;

const WHITESPACE = new Set([' ', '\t', '\n', '\r', '\uFEFF']);

/**
 * Cuts a top-level JSON array into the text of its elements, one chunk at a time, tracking strings
 * and nesting only (each element is parsed on its own, so a malformed one costs only itself). Each
 * element carries the line it starts on.
 */
class JsonArraySplitter {
  private state: 'start' | 'between' | 'entry' | 'end' = 'start';
  private depth = 0;
  private inString = false;
  private escaped = false;
  private line = 1;
  private entryLine = 0;
  private entryParts: string[] = [];
  private entryChars = 0;
  private trailingReported = false;

  push(text: string): JsonArrayEntry[] {
    const entries: JsonArrayEntry[] = [];
    let entryStart = 0;
    for (let index = 0; index < text.length; index += 1) {
      const char = text[index]!;
      if (this.state === 'entry') {
        if (this.endsEntry(char)) {
          this.keep(text.slice(entryStart, index));
          entries.push(this.takeEntry());
          this.state = char === ']' ? 'end' : 'between';
        }
      } else if (!WHITESPACE.has(char)) {
        if (this.outsideEntry(char, entries)) entryStart = index;
      }
      if (char === '\n') this.line += 1;
    }
    if (this.state === 'entry') this.keep(text.slice(entryStart));
    return entries;
  }

  end(): JsonArrayEntry[] {
    if (this.state === 'start') throw new NotJsonArrayError();
    if (this.state === 'entry') return [{ line: this.entryLine, problem: 'the file ends inside this entry' }];
    if (this.state === 'between')
      return [{ line: this.line, problem: 'the file ends before the array does (])' }];
    return [];
  }

  /** Handles a character outside any element; true when it starts one. */
  private outsideEntry(char: string, entries: JsonArrayEntry[]): boolean {
    if (this.state === 'start') {
      if (char !== '[') throw new NotJsonArrayError();
      this.state = 'between';
    } else if (this.state === 'between') {
      if (char === ']') this.state = 'end';
      else if (char !== ',') return this.startEntry(char);
    } else if (!this.trailingReported) {
      this.trailingReported = true;
      entries.push({ line: this.line, problem: 'text after the end of the array' });
    }
    return false;
  }

  private startEntry(char: string): true {
    this.state = 'entry';
    this.entryLine = this.line;
    this.depth = 0;
    this.inString = false;
    this.escaped = false;
    this.entryParts = [];
    this.entryChars = 0;
    this.endsEntry(char);
    return true;
  }

  /** Follows strings and nesting; true at the `,` or `]` that closes the current element. */
  private endsEntry(char: string): boolean {
    if (this.inString) {
      if (this.escaped) this.escaped = false;
      else if (char === '\\') this.escaped = true;
      else if (char === '"') this.inString = false;
      return false;
    }
    if (char === '"') this.inString = true;
    else if (char === '{' || char === '[') this.depth += 1;
    else if (char === '}' || char === ']') {
      if (this.depth === 0) return char === ']';
      this.depth -= 1;
    } else if (char === ',') return this.depth === 0;
    return false;
  }

  private keep(part: string): void {
    this.entryChars += part.length;
    if (this.entryChars <= MAX_ENTRY_CHARS) this.entryParts.push(part);
    else this.entryParts = [];
  }

  private takeEntry(): JsonArrayEntry {
    const line = this.entryLine;
    if (this.entryChars > MAX_ENTRY_CHARS) {
      return { line, problem: `the entry is longer than ${MAX_ENTRY_CHARS} characters` };
    }
    const text = this.entryParts.join('');
    this.entryParts = [];
    return { line, text };
  }
}

/** The elements of a JSON array read from a byte stream, a chunk at a time. */
export async function* readJsonArrayEntries(
  source: AsyncIterable<Buffer | string>,
): AsyncGenerator<JsonEntryChunk> {
  const decoder = new StringDecoder('utf8');
  const splitter = new JsonArraySplitter();
  let bytesRead = 0;
  for await (const chunk of source) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    bytesRead += buffer.length;
    const entries = splitter.push(decoder.write(buffer));
    if (entries.length > 0) yield { entries, bytesRead };
  }
  const entries = [...splitter.push(decoder.end()), ...splitter.end()];
  yield { entries, bytesRead };
}
