import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { ImportFileError } from './import-file.error.js';

const MB = 1024 * 1024;

function openZip(bytes: Buffer): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true, validateEntrySizes: true }, (error, zip) => {
      if (error) reject(new ImportFileError('file', `the file is not a zip archive (${error.message})`));
      else resolve(zip);
    });
  });
}

function entriesOf(zip: ZipFile): Promise<Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: Entry[] = [];
    zip.on('entry', (entry: Entry) => {
      entries.push(entry);
      zip.readEntry();
    });
    zip.on('end', () => resolve(entries));
    zip.on('error', (error: Error) =>
      reject(new ImportFileError('file', `the zip archive is damaged (${error.message})`)),
    );
    zip.readEntry();
  });
}

function contentOf(zip: ZipFile, entry: Entry): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const damaged = (error: Error): void =>
      reject(new ImportFileError('file', `${entry.fileName} cannot be unpacked (${error.message})`));
    zip.openReadStream(entry, (error, stream) => {
      if (error) return damaged(error);
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('error', damaged);
      stream.on('end', () => resolve(Buffer.concat(chunks)));
    });
  });
}

/**
 * The files of a zip archive that `wanted` picks (by name), unpacked. The others are never read.
 * The sizes the archive declares for the picked files must stay within `maxBytes` in total, and
 * yauzl checks each file unpacks to the size it declares, so a zip bomb is refused before it unpacks.
 */
export async function readZipEntries(
  bytes: Buffer,
  wanted: (name: string) => boolean,
  maxBytes: number,
): Promise<Map<string, Buffer>> {
  const zip = await openZip(bytes);
  try {
    const picked = (await entriesOf(zip)).filter(
      (entry) => !entry.fileName.endsWith('/') && wanted(entry.fileName),
    );
    const total = picked.reduce((sum, entry) => sum + entry.uncompressedSize, 0);
    if (total > maxBytes)
      throw new ImportFileError(
        'file',
        `the export unpacks to ${Math.ceil(total / MB)} MB, more than the ${Math.floor(maxBytes / MB)} MB allowed`,
      );
    const encrypted = picked.find((entry) => entry.isEncrypted());
    if (encrypted !== undefined) throw new ImportFileError('file', `${encrypted.fileName} is encrypted`);
    const files = new Map<string, Buffer>();
    for (const entry of picked) files.set(entry.fileName, await contentOf(zip, entry));
    return files;
  } finally {
    zip.close();
  }
}
