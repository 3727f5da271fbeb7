import { resolve } from 'node:path';

/** Everything the platform reads from its environment, parsed once at start. Modules never read process.env. */
export interface Config {
  env: 'production' | 'development' | 'test';
  host: string;
  port: number;
  /** postgres://… to use a PostgreSQL server; unset means embedded PGlite under dataDir. */
  databaseUrl: string | undefined;
  dataDir: string;
  logLevel: string;
  /** Password for the first admin; generated and printed once when unset. */
  adminPassword: string | undefined;
  /** Seed the Yiyang demo data on `serve` (idempotent). */
  demo: boolean;
  /** Data-encryption keys as `id:base64(32 bytes)`, comma-separated; the first encrypts, all decrypt. */
  dataKeys: string | undefined;
  /** Blind-index HMAC key, base64 of at least 32 bytes. */
  indexKey: string | undefined;
  cookieSecure: boolean;
  sessionTtlMinutes: number;
  loginMaxPerMinute: number;
  trustProxy: boolean;
  publicUrl: string;
  /** Where portal one-time codes are POSTed until the SMS channel lands; unset outside production means the server log. */
  otpWebhook: string | undefined;
}

/** Thrown when the environment is invalid; lists every problem at once. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

/** Parses the environment into a Config, or throws ConfigError naming each bad variable. */
export function loadConfig(env: Env = process.env, cwd = process.cwd()): Config {
  const problems: string[] = [];
  const nodeEnv = env.NODE_ENV ?? 'development';
  if (!['production', 'development', 'test'].includes(nodeEnv)) {
    problems.push(`NODE_ENV must be production, development or test (got "${nodeEnv}")`);
  }
  const int = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) {
      problems.push(`${name} must be an integer between ${min} and ${max} (got "${raw}")`);
      return fallback;
    }
    return n;
  };
  const bool = (name: string, fallback: boolean): boolean => {
    const raw = env[name]?.toLowerCase();
    if (raw === undefined || raw === '') return fallback;
    if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
    if (['0', 'false', 'no', 'off'].includes(raw)) return false;
    problems.push(`${name} must be true or false (got "${env[name]}")`);
    return fallback;
  };
  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    problems.push('DATABASE_URL must start with postgres:// or postgresql://');
  }
  const production = nodeEnv === 'production';
  const port = int('PORT', 3000, 0, 65535);
  const config: Config = {
    env: nodeEnv as Config['env'],
    host: env.HOST || 'localhost',
    port,
    databaseUrl,
    dataDir: resolve(cwd, env.MIANZHENG_DATA_DIR || 'data'),
    logLevel: env.LOG_LEVEL || (nodeEnv === 'test' ? 'silent' : 'info'),
    adminPassword: env.MIANZHENG_ADMIN_PASSWORD || undefined,
    demo: bool('MIANZHENG_DEMO', !production),
    dataKeys: env.MIANZHENG_DATA_KEYS || undefined,
    indexKey: env.MIANZHENG_INDEX_KEY || undefined,
    cookieSecure: bool('MIANZHENG_COOKIE_SECURE', production),
    sessionTtlMinutes: int('MIANZHENG_SESSION_TTL_MINUTES', 480, 5, 60 * 24 * 30),
    loginMaxPerMinute: int('MIANZHENG_LOGIN_MAX_PER_MINUTE', 10, 1, 10_000),
    trustProxy: bool('MIANZHENG_TRUST_PROXY', false),
    publicUrl: (env.MIANZHENG_PUBLIC_URL || `http://localhost:${port}`).replace(/\/+$/, ''),
    otpWebhook: env.MIANZHENG_OTP_WEBHOOK || undefined,
  };
  if (config.otpWebhook !== undefined && !/^https?:\/\/[^\s]+$/.test(config.otpWebhook)) {
    problems.push('MIANZHENG_OTP_WEBHOOK must be an http:// or https:// URL');
  }
  if (config.adminPassword !== undefined && config.adminPassword.length < 12) {
    problems.push('MIANZHENG_ADMIN_PASSWORD must be at least 12 characters');
  }
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(config.logLevel)) {
    problems.push(`LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent (got "${config.logLevel}")`);
  }
  if (production && (!config.dataKeys || !config.indexKey)) {
    problems.push('in production MIANZHENG_DATA_KEYS and MIANZHENG_INDEX_KEY must be set (see README)');
  }
  if (problems.length) throw new ConfigError(problems);
  return config;
}
