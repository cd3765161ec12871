import { ConfigError, parseConfig } from './app-config.js';
import { DEVELOPMENT_JWT_SECRET, DEVELOPMENT_PERSONAL_DATA_KEY } from './environment.schema.js';

const problemsOf = (env: Record<string, string>): readonly string[] => {
  try {
    parseConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected the configuration to be refused');
};

describe('parseConfig', () => {
  it('gives the documented defaults for an empty environment', () => {
    const config = parseConfig({});

    expect(config).toEqual({
      nodeEnv: 'development',
      role: 'all',
      port: 3000,
      databaseUrl: 'postgres://postgres@127.0.0.1:5432/filmlog',
      databaseReadUrl: 'postgres://postgres@127.0.0.1:5432/filmlog',
      databasePoolSize: 10,
      redisUrl: 'redis://127.0.0.1:6379',
      redisKeyPrefix: 'filmlog:',
      redisSentinels: null,
      eventStore: { kind: 'postgres' },
      jwtSecret: DEVELOPMENT_JWT_SECRET,
      personalDataKeys: DEVELOPMENT_PERSONAL_DATA_KEY,
      accessTokenTtlSeconds: 3600,
      sessionCookieSecure: true,
      trustProxyHops: 0,
      admin: null,
      moderation: { autohideReports: 3 },
      imports: { maxBytes: 52_428_800 },
      imageStore: { kind: 'disk', folder: 'var/images' },
      rateLimits: { authPerMinute: 20, commentPerMinute: 10 },
      logLevel: 'info',
      logFile: null,
      migrationsRun: true,
      shutdownTimeoutMs: 10_000,
    });
  });

  it('reads every variable it knows', () => {
    const config = parseConfig({
      NODE_ENV: 'production',
      APP_ROLE: 'worker',
      PORT: '8080',
      DATABASE_URL: 'postgresql://app:pw@db:5432/filmlog',
      DATABASE_READ_URL: 'postgres://app:pw@replica:5432/filmlog',
      REDIS_URL: 'rediss://cache:6380',
      EVENT_STORE: 'kurrentdb',
      KURRENTDB_URL: 'kurrentdb://kurrentdb:2113?tls=false',
      JWT_SECRET: 'x'.repeat(40),
      ADMIN_USERNAME: 'first_admin',
      ADMIN_PASSWORD: 'correct horse',
      MODERATION_AUTOHIDE_REPORTS: '5',
      IMPORT_MAX_BYTES: '1048576',
      IMAGES_DIR: '/srv/filmlog/images',
      AUTH_RATE_LIMIT_PER_MINUTE: '0',
      COMMENT_RATE_LIMIT_PER_MINUTE: '30',
      LOG_LEVEL: 'warn',
      LOG_FILE: '/var/log/filmlog/api.log',
      PERSONAL_DATA_KEYS: `${'A'.repeat(43)}=,${'B'.repeat(43)}=`,
      MIGRATIONS_RUN: 'false',
      SHUTDOWN_TIMEOUT_MS: '2500',
      REDIS_KEY_PREFIX: 'filmlog-eu:',
      ACCESS_TOKEN_TTL_SECONDS: '900',
      TRUST_PROXY_HOPS: '1',
      DATABASE_POOL_SIZE: '25',
      REDIS_SENTINELS: 'sentinel-a:26379,10.0.0.7:26380',
      REDIS_SENTINEL_MASTER: 'filmlog-jobs',
    });

    expect(config).toMatchObject({
      nodeEnv: 'production',
      role: 'worker',
      port: 8080,
      databaseReadUrl: 'postgres://app:pw@replica:5432/filmlog',
      redisUrl: 'rediss://cache:6380',
      eventStore: { kind: 'kurrentdb', kurrentdbUrl: 'kurrentdb://kurrentdb:2113?tls=false' },
      admin: { username: 'first_admin', password: 'correct horse' },
      moderation: { autohideReports: 5 },
      imports: { maxBytes: 1_048_576 },
      imageStore: { kind: 'disk', folder: '/srv/filmlog/images' },
      rateLimits: { authPerMinute: 0, commentPerMinute: 30 },
      logLevel: 'warn',
      logFile: '/var/log/filmlog/api.log',
      personalDataKeys: `${'A'.repeat(43)}=,${'B'.repeat(43)}=`,
      migrationsRun: false,
      shutdownTimeoutMs: 2500,
      redisKeyPrefix: 'filmlog-eu:',
      accessTokenTtlSeconds: 900,
      trustProxyHops: 1,
      databasePoolSize: 25,
      redisSentinels: {
        master: 'filmlog-jobs',
        hosts: [
          { host: 'sentinel-a', port: 26379 },
          { host: '10.0.0.7', port: 26380 },
        ],
      },
    });
  });

  it('reads the S3 image store', () => {
    const config = parseConfig({
      IMAGE_STORE: 's3',
      S3_BUCKET: 'filmlog-posters',
      S3_ENDPOINT: 'http://minio:9000',
      S3_REGION: 'eu-west-3',
      S3_FORCE_PATH_STYLE: 'true',
      S3_PREFIX: 'eu/images',
    });

    expect(config.imageStore).toEqual({
      kind: 's3',
      bucket: 'filmlog-posters',
      endpoint: 'http://minio:9000',
      region: 'eu-west-3',
      forcePathStyle: true,
      prefix: 'eu/images/',
    });
  });

  it('gives the S3 image store its defaults, and AWS itself when no endpoint is named', () => {
    expect(parseConfig({ IMAGE_STORE: 's3', S3_BUCKET: 'filmlog-posters' }).imageStore).toEqual({
      kind: 's3',
      bucket: 'filmlog-posters',
      region: 'us-east-1',
      forcePathStyle: false,
      prefix: '',
    });
  });

  it('keeps the local disk while IMAGE_STORE is unset, whatever S3 variables are there', () => {
    expect(parseConfig({ S3_BUCKET: 'filmlog-posters', IMAGES_DIR: 'posters' }).imageStore).toEqual({
      kind: 'disk',
      folder: 'posters',
    });
  });

  it('requires S3_BUCKET when the S3 image store is selected', () => {
    expect(problemsOf({ IMAGE_STORE: 's3' })).toEqual(['S3_BUCKET is required when IMAGE_STORE=s3']);
  });

  it('treats an empty variable as unset', () => {
    expect(parseConfig({ PORT: '', APP_ROLE: '' })).toMatchObject({ port: 3000, role: 'all' });
  });

  it('returns a frozen object, nested parts included', () => {
    const config = parseConfig({});

    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.rateLimits)).toBe(true);
    expect(Object.isFrozen(config.eventStore)).toBe(true);
  });

  it.each([
    ['PORT', 'abc', 'PORT must be a whole number from 1 to 65535'],
    ['PORT', '70000', 'PORT must be a whole number from 1 to 65535'],
    ['APP_ROLE', 'scheduler', 'APP_ROLE must be one of api, worker, all'],
    ['EVENT_STORE', 'mongo', 'EVENT_STORE must be one of postgres, kurrentdb'],
    [
      'DATABASE_URL',
      'mysql://db/filmlog',
      'DATABASE_URL must be a URL starting with postgres:// or postgresql://',
    ],
    ['REDIS_URL', 'not a url', 'REDIS_URL must be a URL starting with redis:// or rediss://'],
    ['ACCESS_TOKEN_TTL_SECONDS', '10', 'ACCESS_TOKEN_TTL_SECONDS must be a whole number from 60 to 31536000'],
    ['REDIS_KEY_PREFIX', 'a b', 'REDIS_KEY_PREFIX must be 1 to 64 letters, digits or _ . : -'],
    ['MIGRATIONS_RUN', 'yes', 'MIGRATIONS_RUN must be true or false'],
    ['REDIS_SENTINELS', 'sentinel-a', 'REDIS_SENTINELS must be host:port pairs separated by commas'],
    ['MODERATION_AUTOHIDE_REPORTS', '0', 'MODERATION_AUTOHIDE_REPORTS must be a whole number from 1 to 1000'],
    ['JWT_SECRET', 'short', 'JWT_SECRET must be at least 32 characters'],
    ['IMPORT_MAX_BYTES', '50MB', 'IMPORT_MAX_BYTES must be a whole number from 1 to 1073741824'],
    ['IMPORT_MAX_BYTES', '0', 'IMPORT_MAX_BYTES must be a whole number from 1 to 1073741824'],
    ['IMAGE_STORE', 'gcs', 'IMAGE_STORE must be one of disk, s3'],
    [
      'S3_BUCKET',
      'Posters_Bucket',
      'S3_BUCKET must be a bucket name: 3 to 63 lowercase letters, digits, dots or hyphens',
    ],
    ['S3_ENDPOINT', 'minio:9000', 'S3_ENDPOINT must be a URL starting with http:// or https://'],
    ['S3_REGION', 'EU West', 'S3_REGION must be a region name such as us-east-1'],
    ['S3_FORCE_PATH_STYLE', 'yes', 'S3_FORCE_PATH_STYLE must be true or false'],
    ['S3_PREFIX', '/posters', 'S3_PREFIX must be folder names of letters, digits or _ . - separated by /'],
  ])('refuses %s=%s with a line naming it', (name, value, expected) => {
    expect(problemsOf({ [name]: value })).toEqual([expected]);
  });

  it('names every bad variable, one line each', () => {
    const problems = problemsOf({ PORT: '-1', LOG_LEVEL: 'loud', SHUTDOWN_TIMEOUT_MS: '1.5' });

    expect(problems).toHaveLength(3);
    expect(problems.map((problem) => problem.split(' ')[0])).toEqual([
      'PORT',
      'LOG_LEVEL',
      'SHUTDOWN_TIMEOUT_MS',
    ]);
  });

  it('requires KURRENTDB_URL when the KurrentDB store is selected', () => {
    expect(problemsOf({ EVENT_STORE: 'kurrentdb' })).toEqual([
      'KURRENTDB_URL is required when EVENT_STORE=kurrentdb',
    ]);
  });

  it('refuses the development JWT secret and personal-data key in production', () => {
    expect(problemsOf({ NODE_ENV: 'production' })).toEqual([
      'JWT_SECRET must be set to a secret of your own when NODE_ENV=production',
      'PERSONAL_DATA_KEYS must hold master keys of your own when NODE_ENV=production',
    ]);
  });

  it('wants personal-data master keys of 32 bytes', () => {
    expect(problemsOf({ PERSONAL_DATA_KEYS: `${'A'.repeat(43)}=,short` })).toEqual([
      'PERSONAL_DATA_KEYS must be base64 keys of 32 bytes (44 characters) separated by commas, the current one first',
    ]);
  });

  it('wants the admin username and password together', () => {
    expect(problemsOf({ ADMIN_USERNAME: 'root_admin' })).toEqual([
      'ADMIN_PASSWORD is required when the other of ADMIN_USERNAME and ADMIN_PASSWORD is set',
    ]);
  });

  it('never repeats a secret value in its message', () => {
    const error = (() => {
      try {
        parseConfig({ JWT_SECRET: 'tiny-secret', ADMIN_USERNAME: 'ok_admin', ADMIN_PASSWORD: 'pw' });
      } catch (caught) {
        return caught as Error;
      }
      throw new Error('expected a ConfigError');
    })();

    expect(error.message).not.toContain('tiny-secret');
    expect(error.message).not.toMatch(/\bpw\b/);
  });
});
