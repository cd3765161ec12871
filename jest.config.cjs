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
];

const swcOptions = require('./test/swc-options.cjs');
const swc = { ...swcOptions.typescript, sourceMaps: 'inline' };
const swcTsx = { ...swcOptions.tsx, sourceMaps: 'inline' };

const libs = ['event-store', 'decider', 'projections', 'testing'];

module.exports = {
  rootDir: '.',
  testEnvironment: 'node',
  testMatch: [
    '<rootDir>/{src,libs}/**/*.spec.ts',
    '<rootDir>/{src,libs}/**/*.int-spec.ts',
    '<rootDir>/test/**/*.e2e-spec.ts',
  ],
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
  globalSetup: '<rootDir>/test/global-setup.ts',
  globalTeardown: '<rootDir>/test/global-teardown.ts',
  maxWorkers: 2,
  testTimeout: 30_000,
};
