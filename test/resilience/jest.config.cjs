// The slow fault tests (npm run test:resilience): real processes against private PostgreSQL and
// Redis servers that the tests stop, kill and restart, so they run one at a time and never touch
// the machine's shared servers.
const base = require('../../jest.config.cjs');

module.exports = {
  ...base,
  rootDir: '../..',
  testMatch: ['<rootDir>/test/resilience/**/*.resilience-spec.ts'],
  globalSetup: undefined,
  globalTeardown: undefined,
  maxWorkers: 1,
  testTimeout: 15 * 60_000,
};
