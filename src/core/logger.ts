import pino, { type Logger } from 'pino';

export type { Logger };

/** Fields that may carry personal data; pino replaces them with [redacted] wherever they appear. */
const redactPaths = [
  'idNumber', '*.idNumber', 'phone', '*.phone', 'password', '*.password',
  'req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]',
];

/** The process logger; modules take child loggers with their own fields. */
export function createLogger(level: string): Logger {
  return pino({ level, redact: { paths: redactPaths, censor: '[redacted]' } });
}
