import { access, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/**
 * Where posters' files are kept, by key (`posters/<hash>.webp`). The local disk serves one
 * machine; several api machines need a store they share (S3-compatible object storage), behind
 * the same port.
 */
export interface ImageStore {
  put(key: string, bytes: Buffer): Promise<void>;
  /** Null when nothing is kept under the key. */
  get(key: string): Promise<Buffer | null>;
  /** Whether a file is kept under the key, without reading it (a conditional request needs no more). */
  has(key: string): Promise<boolean>;
  delete(key: string): Promise<void>;
}

export const IMAGE_STORE = Symbol('IMAGE_STORE');

/** Keys are made by the service (a folder, a content hash, an extension), never by a request. */
export const IMAGE_KEY = /^[a-z]+\/[0-9a-f]{16,64}(-\d+)?\.(webp|jpeg|png)$/;

/** The key itself, or a RangeError: every adapter refuses the same keys. */
export function checkedImageKey(key: string): string {
  if (!IMAGE_KEY.test(key)) throw new RangeError(`Not an image key: ${key}`);
  return key;
}

/** Files under one folder of the local disk. */
export class LocalDiskImageStore implements ImageStore {
  constructor(private readonly folder: string) {}

  async put(key: string, bytes: Buffer): Promise<void> {
    const path = this.pathOf(key);
    await mkdir(dirname(path), { recursive: true });
    // Written aside then renamed, so a reader never sees half a file.
    const partial = `${path}.${process.pid}.partial`;
    await writeFile(partial, bytes);
    await rename(partial, path);
  }

  async get(key: string): Promise<Buffer | null> {
    try {
      return await readFile(this.pathOf(key));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async has(key: string): Promise<boolean> {
    try {
      await access(this.pathOf(key));
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  private pathOf(key: string): string {
    return join(this.folder, checkedImageKey(key));
  }
}
