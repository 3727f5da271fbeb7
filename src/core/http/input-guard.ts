import type { FastifyInstance } from 'fastify';
import { invalid } from '../errors.js';

/** What a field carrying U+0000 is told; PostgreSQL text cannot hold that character. */
export const NO_NUL_MESSAGE = 'must not contain the NUL character (U+0000)';

/** Where in a parsed value a string holds U+0000, as a dotted path; undefined when none does. */
export function findNulCharacter(value: unknown, path: string): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path : undefined;
  if (value === null || typeof value !== 'object') return undefined;
  for (const [key, child] of Object.entries(value)) {
    const found = (key.includes('\u0000') ? path : undefined) ?? findNulCharacter(child, path ? `${path}.${key}` : key);
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * PostgreSQL text cannot hold U+0000, so a request carrying it would fail in the database as a 500.
 * No real input contains it: refuse it up front, naming the field, before schema validation.
 */
export function installInputGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (req) => {
    const field = findNulCharacter(req.body, '') ?? findNulCharacter(req.query, 'querystring') ?? findNulCharacter(req.params, 'params');
    if (field !== undefined) throw invalid([{ field: field || 'body', message: NO_NUL_MESSAGE }]);
  });
}
