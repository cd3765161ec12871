import { ZipFile } from 'yazl';

/** The files of an export: entry name (e.g. `lists/best-of-2019.csv`) → its text (written as UTF-8) or bytes. */
export type ExportEntries = Readonly<Record<string, string | Buffer>>;

/** A zip archive holding `entries`, as Letterboxd's export is: deflated, one entry per file. */
export async function letterboxdExport(entries: ExportEntries): Promise<Buffer> {
  const zip = new ZipFile();
  const mtime = new Date('2024-01-01T00:00:00Z');
  for (const [name, content] of Object.entries(entries))
    zip.addBuffer(typeof content === 'string' ? Buffer.from(content, 'utf8') : content, name, { mtime });
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
