import type { FastifyInstance } from 'fastify';
import { isWellFormedUnicode } from '../crypto/canonical-json.js';
import { invalid, type FieldError } from '../errors.js';

/** What a field carrying U+0000 is told; PostgreSQL text cannot hold that character. */
export const NO_NUL_MESSAGE = 'must not contain the NUL character (U+0000)';

/** Why a string could not be stored as given, or undefined when it can. */
function textProblem(s: string): string | undefined {
  if (s.includes('\u0000')) return NO_NUL_MESSAGE;
  // The database would store U+FFFD instead, so what was audited (hashed) would no longer match what was stored.
  if (!isWellFormedUnicode(s)) return 'must be well-formed Unicode (no unpaired surrogate)';
  return undefined;
}

/** The first string in a parsed value (keys included) that could not be stored as given, with its dotted path. */
export function findUnstorableText(value: unknown, path: string): FieldError | undefined {
  if (typeof value === 'string') {
    const message = textProblem(value);
    return message ? { field: path, message } : undefined;
  }
  if (value === null || typeof value !== 'object') return undefined;
  for (const [key, child] of Object.entries(value)) {
    const keyMessage = textProblem(key);
    if (keyMessage) return { field: path, message: keyMessage };
    const found = findUnstorableText(child, path ? `${path}.${key}` : key);
    if (found) return found;
  }
  return undefined;
}

/**
 * PostgreSQL text cannot hold U+0000 (the request would fail in the database as a 500) and replaces
 * an unpaired surrogate. No real input contains either: refuse them up front, naming the field,
 * before schema validation.
 */
export function installInputGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (req) => {
    const found = findUnstorableText(req.body, '') ?? findUnstorableText(req.query, 'querystring') ?? findUnstorableText(req.params, 'params');
    if (found) throw invalid([{ field: found.field || 'body', message: found.message }]);
  });
}
