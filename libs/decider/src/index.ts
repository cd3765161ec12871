export * from './decider.js';
export * from './domain-rule-violation.js';
export * from './upcasting.js';
export { DEFAULT_BACKOFF, type Backoff } from './backoff.js';
export * from './command-runner.js';
export { loadStream, type LoadedStream } from './load-stream.js';
export { StreamFolds } from './stream-folds.js';
export * from './given.js';
