const PREFIX = 'comment-';

/** The comment id in a `comment-{id}` stream name. */
export function commentIdOfStream(streamId: string): string {
  if (!streamId.startsWith(PREFIX)) throw new RangeError(`Not a comment stream: ${streamId}`);
  return streamId.slice(PREFIX.length);
}
