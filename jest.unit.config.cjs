// The unit tier (npm run test:unit): specs of pure logic beside the code. No global setup, so it
// needs no PostgreSQL or Redis and runs in seconds; `npm test` still runs every tier.
const base = require('./jest.config.cjs');

module.exports = {
  ...base,
  testMatch: ['<rootDir>/{src,libs}/**/*.spec.ts'],
  globalSetup: undefined,
  globalTeardown: undefined,
};
