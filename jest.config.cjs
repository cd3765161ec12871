// Jest runs in CommonJS mode: @swc/jest turns the TypeScript sources and the ESM-only
// packages below into CommonJS, because jest cannot require ESM on Node 20.
const esmOnlyPackages = [
  '@nestjs',
  'file-type',
  'strtok3',
  'token-types',
  '@tokenizer',
  'uint8array-extras',
  '@borewit',
  'nestjs-pino',
  'fractional-indexing',
  'preact',
  'preact-render-to-string',
  'temporal-polyfill',
  'temporal-utils',
  'ical-generator',
  // @fastify/cookie loads the ESM-only cookie package with import(), which jest's CommonJS mode cannot run.
  '@fastify/cookie',
  'cookie',
  // @fastify/static (the API docs' assets) requires the ESM-only content-disposition it nests.
  '@fastify/static',
  'content-disposition',
  // The statistics charts' scales and shapes, and the d3 modules and internmap they import.
  'd3-[a-z-]+',
  'internmap',
];

const swcOptions = require('./test/swc-options.cjs');
const swc = { ...swcOptions.typescript, sourceMaps: 'inline' };
const swcTsx = { ...swcOptions.tsx, sourceMaps: 'inline' };

const libs = ['event-store', 'decider', 'projections', 'testing'];

/** What every tier shares: how sources are compiled and how the libraries' imports resolve. */
const base = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: {
    '^.+\\.tsx$': ['@swc/jest', swcTsx],
    '^.+\\.(ts|js|mjs|jsx)$': ['@swc/jest', swc],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${esmOnlyPackages.join('|')})/)`],
  moduleNameMapper: {
    ...Object.fromEntries(
      libs.flatMap((lib) => [
        [`^#${lib}$`, `<rootDir>/libs/${lib}/src/index.ts`],
        [`^#${lib}/(.*)$`, `<rootDir>/libs/${lib}/src/$1`],
      ]),
    ),
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
};

// Jest runs a project's globalSetup only when tests of that project are selected, and runs one
// path once however many projects name it: only the tiers that need PostgreSQL get its database.
const database = {
  globalSetup: '<rootDir>/test/global-setup.ts',
  globalTeardown: '<rootDir>/test/global-teardown.ts',
};

/**
 * The tiers, each runnable alone with `jest --selectProjects <name>`; plain `jest` runs them all.
 * The browser tier is every spec under test/web (each drives Chromium), the e2e tier the rest of
 * test/ (HTTP through supertest).
 */
const tiers = [
  { displayName: 'unit', testMatch: ['<rootDir>/{src,libs}/**/*.spec.ts'] },
  { displayName: 'int', testMatch: ['<rootDir>/{src,libs}/**/*.int-spec.ts'], ...database },
  {
    displayName: 'e2e',
    testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
    testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/web/'],
    ...database,
  },
  { displayName: 'browser', testMatch: ['<rootDir>/test/web/**/*.e2e-spec.ts'], ...database },
];

// maxWorkers and testTimeout are global options: jest reads them from here, not from a project.
const config = {
  rootDir: __dirname,
  maxWorkers: 2,
  testTimeout: 30_000,
  projects: tiers.map((tier) => ({ ...base, ...tier })),
};

// Jest calls an exported function for its configuration. test/resilience/jest.config.cjs spreads
// this export as its base: the spread copies the shared options set on the function and not the
// projects, which would otherwise replace its own testMatch.
module.exports = Object.assign(() => config, base);
