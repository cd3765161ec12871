import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CreateBucketCommand, GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import { LocalDiskImageStore, type ImageStore } from './image-store.js';
import { S3ImageStore, type S3ImageLocation } from './s3-image-store.js';

/** s3rver takes any well-formed signature made with these. */
const CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
const BUCKET = 'filmlog-posters';

const POSTER = 'posters/0123456789abcdef0123456789abcdef.webp';
const ORIGINAL = 'originals/fedcba9876543210fedcba9876543210.jpeg';

/** An S3-compatible server in this process, on a free port, keeping its objects in a temporary folder. */
class LocalS3 {
  private constructor(
    private readonly server: S3rver,
    private readonly folder: string,
    readonly endpoint: string,
  ) {}

  static async start(): Promise<LocalS3> {
    const folder = await mkdtemp(path.join(tmpdir(), 'filmlog-s3-'));
    const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: folder });
    const { port } = await server.run();
    return new LocalS3(server, folder, `http://127.0.0.1:${port}`);
  }

  location(prefix = ''): S3ImageLocation {
    return { bucket: BUCKET, region: 'us-east-1', endpoint: this.endpoint, forcePathStyle: true, prefix };
  }

  client(): S3Client {
    return new S3Client({ ...this.location(), credentials: CREDENTIALS });
  }

  async stop(): Promise<void> {
    await this.server.close();
    await rm(this.folder, { recursive: true, force: true });
  }
}

let s3: LocalS3;
let diskFolder: string;
const opened: S3ImageStore[] = [];

const s3Store = (prefix = ''): S3ImageStore => {
  const store = new S3ImageStore(s3.location(prefix), CREDENTIALS);
  opened.push(store);
  return store;
};

beforeAll(async () => {
  s3 = await LocalS3.start();
  const client = s3.client();
  await client.send(new CreateBucketCommand({ Bucket: BUCKET }));
  client.destroy();
  diskFolder = await mkdtemp(path.join(tmpdir(), 'filmlog-disk-images-'));
});

afterAll(async () => {
  for (const store of opened) store.onModuleDestroy();
  await s3?.stop();
  if (diskFolder) await rm(diskFolder, { recursive: true, force: true });
});

// Every adapter of the port answers the same way; each case puts under keys of its own.
describe.each([
  ['the local disk', () => new LocalDiskImageStore(diskFolder)],
  ['S3 (s3rver)', () => s3Store()],
])('the image store on %s', (_name, make: () => ImageStore) => {
  let store: ImageStore;

  beforeEach(() => {
    store = make();
  });

  afterEach(async () => {
    await store.delete(POSTER);
    await store.delete(ORIGINAL);
  });

  it('gives back the very bytes it was given, every byte value included', async () => {
    const bytes = randomBytes(300_000);

    await store.put(POSTER, bytes);

    expect(await store.has(POSTER)).toBe(true);
    expect((await store.get(POSTER))?.equals(bytes)).toBe(true);
  });

  it('answers null and false for a key nothing is kept under', async () => {
    expect(await store.get(POSTER)).toBeNull();
    expect(await store.has(POSTER)).toBe(false);
  });

  it('replaces what a key held when it is put again', async () => {
    await store.put(ORIGINAL, Buffer.from('first'));
    await store.put(ORIGINAL, Buffer.from('second'));

    expect((await store.get(ORIGINAL))?.toString()).toBe('second');
  });

  it('forgets a deleted key, and deletes a missing key without complaint', async () => {
    await store.put(POSTER, Buffer.from('poster'));

    await store.delete(POSTER);
    await store.delete(POSTER);

    expect(await store.get(POSTER)).toBeNull();
    expect(await store.has(POSTER)).toBe(false);
  });

  it.each([
    '../etc/passwd',
    'posters/not-a-hash.webp',
    'posters/0123456789abcdef.svg',
    '/posters/0123456789abcdef.webp',
  ])('refuses the key %s before reaching the store', async (key) => {
    await expect(store.put(key, Buffer.from('x'))).rejects.toThrow(RangeError);
    await expect(store.get(key)).rejects.toThrow(RangeError);
    await expect(store.has(key)).rejects.toThrow(RangeError);
    await expect(store.delete(key)).rejects.toThrow(RangeError);
  });
});

describe('the S3 image store', () => {
  it('keeps its objects under its prefix, out of sight of a store without it', async () => {
    const prefixed = s3Store('eu/images/');
    const unprefixed = s3Store();

    await prefixed.put(POSTER, Buffer.from('poster'));

    expect(await prefixed.has(POSTER)).toBe(true);
    expect(await unprefixed.has(POSTER)).toBe(false);
    const client = s3.client();
    try {
      const object = await client.send(new GetObjectCommand({ Bucket: BUCKET, Key: `eu/images/${POSTER}` }));
      expect(object.ContentType).toBe('image/webp');
      expect(await object.Body?.transformToString()).toBe('poster');
    } finally {
      client.destroy();
      await prefixed.delete(POSTER);
    }
  });

  it('names each object’s content type by its key', async () => {
    const store = s3Store();
    const client = s3.client();
    try {
      await store.put(ORIGINAL, Buffer.from('original'));
      const object = await client.send(new GetObjectCommand({ Bucket: BUCKET, Key: ORIGINAL }));
      expect(object.ContentType).toBe('image/jpeg');
    } finally {
      client.destroy();
      await store.delete(ORIGINAL);
    }
  });

  it('fails, rather than answering missing, when the bucket is not there', async () => {
    const store = new S3ImageStore({ ...s3.location(), bucket: 'no-such-bucket' }, CREDENTIALS);
    opened.push(store);

    await expect(store.get(POSTER)).rejects.toThrow();
    await expect(store.put(POSTER, Buffer.from('x'))).rejects.toThrow();
  });
});
