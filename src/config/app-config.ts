import { environmentSchema, environmentVariableNames, type Environment } from './environment.schema.js';

export type AppRole = 'api' | 'worker' | 'all';
export type LogLevel = Environment['LOG_LEVEL'];

export type ImageStoreConfig =
  | { readonly kind: 'disk'; readonly folder: string }
  | {
      readonly kind: 's3';
      readonly bucket: string;
      readonly region: string;
      readonly endpoint?: string;
      readonly forcePathStyle: boolean;
      /** Empty, or ending in `/`. */
      readonly prefix: string;
    };

export interface AppConfig {
  readonly nodeEnv: Environment['NODE_ENV'];
  readonly role: AppRole;
  readonly port: number;
  readonly databaseUrl: string;
  /** Replica for queries; the primary when none is configured. */
  readonly databaseReadUrl: string;
  /** Connections of each pool (read models, queries, events); a process holds about 3 × this plus one per projection. */
  readonly databasePoolSize: number;
  readonly redisUrl: string;
  /** Namespaces every Redis key, so several deployments (or test runs) can share one server. */
  readonly redisKeyPrefix: string;
  /** Redis through Sentinel: the master's name and the sentinels that know it; null for REDIS_URL alone. */
  readonly redisSentinels: {
    readonly master: string;
    readonly hosts: readonly { readonly host: string; readonly port: number }[];
  } | null;
  readonly eventStore: {
    readonly kind: 'postgres' | 'kurrentdb';
    readonly kurrentdbUrl?: string;
  };
  readonly jwtSecret: string;
  /** Master keys wrapping each member's personal-data key, base64, the current one first. */
  readonly personalDataKeys: string;
  readonly accessTokenTtlSeconds: number;
  /** The web pages' session cookie is sent over HTTPS only (browsers treat http://localhost as secure). */
  readonly sessionCookieSecure: boolean;
  /** Reverse proxies in front of the api whose X-Forwarded-For is trusted for the client address. */
  readonly trustProxyHops: number;
  readonly admin: { readonly username: string; readonly password: string } | null;
  readonly moderation: { readonly autohideReports: number };
  /** Largest upload POST /imports takes (a 413 above it). */
  readonly imports: { readonly maxBytes: number };
  /** Where posters' files are kept: a folder of the local disk, or a bucket several machines share. */
  readonly imageStore: ImageStoreConfig;
  readonly rateLimits: { readonly authPerMinute: number; readonly commentPerMinute: number };
  readonly logLevel: LogLevel;
  /** JSON lines are appended to this file instead of stdout; null for stdout. */
  readonly logFile: string | null;
  readonly migrationsRun: boolean;
  readonly shutdownTimeoutMs: number;
}

/** Every bad variable, one human-readable line each; no values, since some are secrets. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';

  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.join('\n')}`);
  }
}

export const servesHttpApi = (config: AppConfig): boolean => config.role !== 'worker';
export const runsWorker = (config: AppConfig): boolean => config.role !== 'api';

/** Unset and empty variables are the same thing: `PORT=` in a compose file means "use the default". */
const presentVariables = (env: Readonly<Record<string, string | undefined>>): Record<string, string> =>
  Object.fromEntries(
    environmentVariableNames.flatMap((name) => {
      const value = env[name];
      return value === undefined || value === '' ? [] : [[name, value]];
    }),
  );

const deepFreeze = <T>(value: T): T => {
  if (value && typeof value === 'object') {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
};

const imageStoreConfigOf = (environment: Environment): ImageStoreConfig => {
  // The schema refuses s3 without a bucket, so its absence here means disk.
  if (environment.IMAGE_STORE === 'disk' || !environment.S3_BUCKET) {
    return { kind: 'disk', folder: environment.IMAGES_DIR };
  }
  const prefix = environment.S3_PREFIX ?? '';
  return {
    kind: 's3',
    bucket: environment.S3_BUCKET,
    region: environment.S3_REGION,
    ...(environment.S3_ENDPOINT ? { endpoint: environment.S3_ENDPOINT } : {}),
    forcePathStyle: environment.S3_FORCE_PATH_STYLE,
    prefix: prefix === '' || prefix.endsWith('/') ? prefix : `${prefix}/`,
  };
};

const toAppConfig = (environment: Environment): AppConfig => ({
  nodeEnv: environment.NODE_ENV,
  role: environment.APP_ROLE,
  port: environment.PORT,
  databaseUrl: environment.DATABASE_URL,
  databaseReadUrl: environment.DATABASE_READ_URL ?? environment.DATABASE_URL,
  databasePoolSize: environment.DATABASE_POOL_SIZE,
  redisUrl: environment.REDIS_URL,
  redisKeyPrefix: environment.REDIS_KEY_PREFIX,
  redisSentinels: environment.REDIS_SENTINELS
    ? {
        master: environment.REDIS_SENTINEL_MASTER,
        hosts: environment.REDIS_SENTINELS.split(',').map((pair) => {
          const separator = pair.lastIndexOf(':');
          return { host: pair.slice(0, separator), port: Number(pair.slice(separator + 1)) };
        }),
      }
    : null,
  eventStore: {
    kind: environment.EVENT_STORE,
    ...(environment.KURRENTDB_URL ? { kurrentdbUrl: environment.KURRENTDB_URL } : {}),
  },
  jwtSecret: environment.JWT_SECRET,
  personalDataKeys: environment.PERSONAL_DATA_KEYS,
  accessTokenTtlSeconds: environment.ACCESS_TOKEN_TTL_SECONDS,
  sessionCookieSecure: environment.SESSION_COOKIE_SECURE,
  trustProxyHops: environment.TRUST_PROXY_HOPS,
  admin:
    environment.ADMIN_USERNAME && environment.ADMIN_PASSWORD
      ? { username: environment.ADMIN_USERNAME, password: environment.ADMIN_PASSWORD }
      : null,
  moderation: { autohideReports: environment.MODERATION_AUTOHIDE_REPORTS },
  imports: { maxBytes: environment.IMPORT_MAX_BYTES },
  imageStore: imageStoreConfigOf(environment),
  rateLimits: {
    authPerMinute: environment.AUTH_RATE_LIMIT_PER_MINUTE,
    commentPerMinute: environment.COMMENT_RATE_LIMIT_PER_MINUTE,
  },
  logLevel: environment.LOG_LEVEL,
  logFile: environment.LOG_FILE ?? null,
  migrationsRun: environment.MIGRATIONS_RUN,
  shutdownTimeoutMs: environment.SHUTDOWN_TIMEOUT_MS,
});

/** Validates the environment once into a frozen, typed config; throws ConfigError naming each bad variable. */
export function parseConfig(env: Readonly<Record<string, string | undefined>>): AppConfig {
  const result = environmentSchema.safeParse(presentVariables(env));
  if (!result.success) {
    const firstProblemPerVariable = new Map<string, string>();
    for (const issue of result.error.issues) {
      const variable = String(issue.path[0] ?? 'environment');
      if (!firstProblemPerVariable.has(variable)) {
        firstProblemPerVariable.set(variable, `${variable} ${issue.message}`);
      }
    }
    throw new ConfigError([...firstProblemPerVariable.values()]);
  }
  return deepFreeze(toAppConfig(result.data));
}
