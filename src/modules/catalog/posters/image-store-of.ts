import type { AppConfig } from '../../../config/index.js';
import { LocalDiskImageStore, type ImageStore } from './image-store.js';
import { S3ImageStore } from './s3-image-store.js';

/** The one place that picks the image store from the configuration: the api, the importer and the seed. */
export function imageStoreOf(config: Pick<AppConfig, 'imageStore'>): ImageStore {
  const store = config.imageStore;
  switch (store.kind) {
    case 'disk':
      return new LocalDiskImageStore(store.folder);
    case 's3':
      return new S3ImageStore(store);
    default:
      return store satisfies never;
  }
}
