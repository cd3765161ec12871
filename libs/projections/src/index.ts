export * from './projection.js';
export { ProjectionEngine } from './projection-engine.js';
export {
  ProjectionMonitor,
  type ProjectionCondition,
  type ProjectionMonitorOptions,
} from './projection-monitor.js';
export { CHECKPOINT_CHANNEL, CheckpointMovedError } from './checkpoint-store.js';
export { StaleProjectionVersionError } from './projection-session.js';
export * from './projection-tables.migration.js';
export * from './projection-halts.migration.js';
export { inTransaction } from './sql.js';
export { addCounts } from './counters.js';
