import { z } from 'zod';

/** Signs tokens on a developer's machine only; a production start refuses it. */
export const DEVELOPMENT_JWT_SECRET = 'filmlog-development-only-secret-never-use-in-production';

const MIN_JWT_SECRET_LENGTH = 32;

/** Wraps members' personal-data keys on a developer's machine only; a production start refuses it. */
export const DEVELOPMENT_PERSONAL_DATA_KEY = 'ZmlsbWxvZy1kZXZlbG9wbWVudC1vbmx5LWtleS0zMmI=';

/** Base64 of 32 bytes each, separated by commas: the master keys, the current one first. */
const masterKeys = z
  .string()
  .refine(
    (value) => value.split(',').every((part) => /^[A-Za-z0-9+/]{43}=$/.test(part.trim())),
    'must be base64 keys of 32 bytes (44 characters) separated by commas, the current one first',
  );

const integer = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, { error: `must be a whole number from ${min} to ${max}` })
    .transform(Number)
    .pipe(
      z
        .number()
        .min(min, { error: `must be a whole number from ${min} to ${max}` })
        .max(max, { error: `must be a whole number from ${min} to ${max}` }),
    );

const urlWithScheme = (schemes: readonly string[]) => {
  const message = `must be a URL starting with ${schemes.map((scheme) => `${scheme}//`).join(' or ')}`;
  return z.string().refine((value) => {
    try {
      const url = new URL(value);
      return schemes.includes(url.protocol) && url.hostname !== '';
    } catch {
      return false;
    }
  }, message);
};

const postgresUrl = urlWithScheme(['postgres:', 'postgresql:']);
const redisUrl = urlWithScheme(['redis:', 'rediss:']);
const kurrentdbUrl = urlWithScheme([
  'kurrentdb:',
  'kurrentdb+discover:',
  'kurrent:',
  'kurrent+discover:',
  'kdb:',
  'kdb+discover:',
  'esdb:',
  'esdb+discover:',
]);

const oneOf = <const Values extends readonly [string, ...string[]]>(values: Values) =>
  z.enum(values, { error: `must be one of ${values.join(', ')}` });

const flag = z
  .enum(['true', 'false', '1', '0'], { error: 'must be true or false' })
  .transform((value) => value === 'true' || value === '1');

/** The environment as variables; every default of DESIGN.md "Configuration" lives here. */
export const environmentSchema = z
  .object({
    NODE_ENV: oneOf(['development', 'test', 'production']).default('development'),
    PORT: integer(1, 65_535).default(3000),
    DATABASE_URL: postgresUrl.default('postgres://postgres@127.0.0.1:5432/filmlog'),
    DATABASE_READ_URL: postgresUrl.optional(),
    DATABASE_POOL_SIZE: integer(1, 1000).default(10),
    REDIS_URL: redisUrl.default('redis://127.0.0.1:6379'),
    REDIS_KEY_PREFIX: z
      .string()
      .regex(/^[A-Za-z0-9_.:-]{1,64}$/, { error: 'must be 1 to 64 letters, digits or _ . : -' })
      .default('filmlog:'),
    REDIS_SENTINELS: z
      .string()
      .regex(/^[^,:\s]+:\d{1,5}(,[^,:\s]+:\d{1,5})*$/, {
        error: 'must be host:port pairs separated by commas',
      })
      .optional(),
    REDIS_SENTINEL_MASTER: z
      .string()
      .regex(/^[A-Za-z0-9_.-]{1,64}$/, { error: 'must be 1 to 64 letters, digits or _ . -' })
      .default('mymaster'),
    EVENT_STORE: oneOf(['postgres', 'kurrentdb']).default('postgres'),
    KURRENTDB_URL: kurrentdbUrl.optional(),
    APP_ROLE: oneOf(['api', 'worker', 'all']).default('all'),
    JWT_SECRET: z
      .string()
      .min(MIN_JWT_SECRET_LENGTH, { error: `must be at least ${MIN_JWT_SECRET_LENGTH} characters` })
      .default(DEVELOPMENT_JWT_SECRET),
    PERSONAL_DATA_KEYS: masterKeys.default(DEVELOPMENT_PERSONAL_DATA_KEY),
    ACCESS_TOKEN_TTL_SECONDS: integer(60, 31_536_000).default(3600),
    SESSION_COOKIE_SECURE: flag.default(true),
    ADMIN_USERNAME: z
      .string()
      .regex(/^[a-zA-Z0-9_]{3,30}$/, { error: 'must be 3 to 30 letters, digits or underscores' })
      .optional(),
    ADMIN_PASSWORD: z.string().min(8, { error: 'must be at least 8 characters' }).optional(),
    MODERATION_AUTOHIDE_REPORTS: integer(1, 1000).default(3),
    IMPORT_MAX_BYTES: integer(1, 1_073_741_824).default(52_428_800),
    IMAGE_STORE: oneOf(['disk', 's3']).default('disk'),
    IMAGES_DIR: z.string().min(1).default('var/images'),
    S3_BUCKET: z
      .string()
      .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, {
        error: 'must be a bucket name: 3 to 63 lowercase letters, digits, dots or hyphens',
      })
      .optional(),
    S3_ENDPOINT: urlWithScheme(['http:', 'https:']).optional(),
    S3_REGION: z
      .string()
      .regex(/^[a-z0-9-]{1,32}$/, { error: 'must be a region name such as us-east-1' })
      .default('us-east-1'),
    S3_FORCE_PATH_STYLE: flag.default(false),
    S3_PREFIX: z
      .string()
      .regex(/^[A-Za-z0-9_.-]+(\/[A-Za-z0-9_.-]+)*\/?$/, {
        error: 'must be folder names of letters, digits or _ . - separated by /',
      })
      .optional(),
    AUTH_RATE_LIMIT_PER_MINUTE: integer(0, 100_000).default(20),
    COMMENT_RATE_LIMIT_PER_MINUTE: integer(0, 100_000).default(10),
    TRUST_PROXY_HOPS: integer(0, 10).default(0),
    LOG_LEVEL: oneOf(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    LOG_FILE: z.string().min(1).optional(),
    MIGRATIONS_RUN: flag.default(true),
    SHUTDOWN_TIMEOUT_MS: integer(0, 600_000).default(10_000),
  })
  .superRefine((environment, context) => {
    if (environment.EVENT_STORE === 'kurrentdb' && !environment.KURRENTDB_URL) {
      context.addIssue({
        code: 'custom',
        path: ['KURRENTDB_URL'],
        message: 'is required when EVENT_STORE=kurrentdb',
      });
    }
    if (environment.IMAGE_STORE === 's3' && !environment.S3_BUCKET) {
      context.addIssue({
        code: 'custom',
        path: ['S3_BUCKET'],
        message: 'is required when IMAGE_STORE=s3',
      });
    }
    if (environment.NODE_ENV === 'production' && environment.JWT_SECRET === DEVELOPMENT_JWT_SECRET) {
      context.addIssue({
        code: 'custom',
        path: ['JWT_SECRET'],
        message: 'must be set to a secret of your own when NODE_ENV=production',
      });
    }
    if (
      environment.NODE_ENV === 'production' &&
      environment.PERSONAL_DATA_KEYS.split(',').some((key) => key.trim() === DEVELOPMENT_PERSONAL_DATA_KEY)
    ) {
      context.addIssue({
        code: 'custom',
        path: ['PERSONAL_DATA_KEYS'],
        message: 'must hold master keys of your own when NODE_ENV=production',
      });
    }
    if (Boolean(environment.ADMIN_USERNAME) !== Boolean(environment.ADMIN_PASSWORD)) {
      const missing = environment.ADMIN_USERNAME ? 'ADMIN_PASSWORD' : 'ADMIN_USERNAME';
      context.addIssue({
        code: 'custom',
        path: [missing],
        message: 'is required when the other of ADMIN_USERNAME and ADMIN_PASSWORD is set',
      });
    }
  });

export type Environment = z.output<typeof environmentSchema>;

/** Names of the variables the schema reads; nothing else is taken from the environment. */
export const environmentVariableNames = Object.keys(environmentSchema.shape) as (keyof Environment)[];
