import pino, { type DestinationStream, type Logger } from 'pino';

export type { Logger };

/** Fields that may carry personal data; pino replaces them with [redacted] wherever they appear. */
const redactPaths = [
  'idNumber', '*.idNumber', 'phone', '*.phone', 'password', '*.password',
  'req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]',
];

/** Query parameters that carry personal data (searches by ID number or phone); their values never reach a log line. */
const PERSONAL_QUERY = /([?&](?:idNumber|phone)=)[^&#]*/gi;

interface LoggedRequest {
  method?: string;
  url?: string;
  host?: string;
  ip?: string;
  socket?: { remotePort?: number } | null;
}

/** A request as Fastify logs it (method, URL, host, client), with personal query values redacted. */
function requestForLog(req: LoggedRequest) {
  return { method: req.method, url: req.url?.replace(PERSONAL_QUERY, '$1[redacted]'), host: req.host, remoteAddress: req.ip, remotePort: req.socket?.remotePort };
}

/** The process logger (to stdout unless told otherwise); modules take child loggers with their own fields. */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = { level, redact: { paths: redactPaths, censor: '[redacted]' }, serializers: { req: requestForLog } };
  return destination ? pino(options, destination) : pino(options);
}
