import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
  type S3ClientConfig,
} from '@aws-sdk/client-s3';
import { checkedImageKey, type ImageStore } from './image-store.js';

/** Where the objects live: a bucket of S3 or of a compatible service (`endpoint`), under a prefix. */
export interface S3ImageLocation {
  readonly bucket: string;
  readonly region: string;
  /** A compatible service's URL (MinIO, R2, Ceph…); none for AWS itself. */
  readonly endpoint?: string;
  /** `<endpoint>/<bucket>/<key>` instead of `<bucket>.<endpoint>/<key>`, which most self-hosted services need. */
  readonly forcePathStyle: boolean;
  /** Put before every key, so one bucket can hold other things too; empty or ending in `/`. */
  readonly prefix: string;
}

const CONTENT_TYPES = { webp: 'image/webp', jpeg: 'image/jpeg', png: 'image/png' } as const;

const contentTypeOf = (key: string): string =>
  CONTENT_TYPES[key.slice(key.lastIndexOf('.') + 1) as keyof typeof CONTENT_TYPES];

/** GetObject answers NoSuchKey; HeadObject has no body to name the error, so the SDK calls it NotFound. */
const isMissing = (error: unknown): boolean =>
  error instanceof S3ServiceException && (error.name === 'NoSuchKey' || error.name === 'NotFound');

/** Objects in an S3-compatible bucket, which several api machines can share. */
export class S3ImageStore implements ImageStore {
  private readonly client: S3Client;

  /** Without `credentials`, the SDK's default chain finds them (AWS_* variables, profile, instance role). */
  constructor(
    private readonly location: S3ImageLocation,
    credentials?: S3ClientConfig['credentials'],
  ) {
    this.client = new S3Client({
      region: location.region,
      forcePathStyle: location.forcePathStyle,
      ...(location.endpoint ? { endpoint: location.endpoint } : {}),
      ...(credentials ? { credentials } : {}),
      // The CRC32 checksum headers the SDK adds by default since 3.729 are refused by some compatible
      // services (R2, B2 and OVH did so); S3 takes requests without them, as it did before.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  }

  async put(key: string, bytes: Buffer): Promise<void> {
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.location.bucket,
        Key: this.objectKey(key),
        Body: bytes,
        ContentType: contentTypeOf(key),
        // A key names its content's hash, so an object never changes.
        CacheControl: 'public, max-age=31536000, immutable',
      }),
    );
  }

  async get(key: string): Promise<Buffer | null> {
    try {
      const object = await this.client.send(
        new GetObjectCommand({ Bucket: this.location.bucket, Key: this.objectKey(key) }),
      );
      if (!object.Body) return Buffer.alloc(0);
      const bytes = await object.Body.transformToByteArray();
      return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  async has(key: string): Promise<boolean> {
    try {
      await this.client.send(
        new HeadObjectCommand({ Bucket: this.location.bucket, Key: this.objectKey(key) }),
      );
      return true;
    } catch (error) {
      if (isMissing(error)) return false;
      throw error;
    }
  }

  /** S3 answers a delete of a missing key as a success, as the local disk does. */
  async delete(key: string): Promise<void> {
    await this.client.send(
      new DeleteObjectCommand({ Bucket: this.location.bucket, Key: this.objectKey(key) }),
    );
  }

  /** Nest calls this on shutdown: the client's kept-alive sockets would hold the process open. */
  onModuleDestroy(): void {
    this.client.destroy();
  }

  private objectKey(key: string): string {
    return `${this.location.prefix}${checkedImageKey(key)}`;
  }
}
