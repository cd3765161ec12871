const PREFIX = 'review-';

/** The review id in a `review-{id}` stream name. */
export function reviewIdOfStream(streamId: string): string {
  if (!streamId.startsWith(PREFIX)) throw new RangeError(`Not a review stream: ${streamId}`);
  return streamId.slice(PREFIX.length);
}
