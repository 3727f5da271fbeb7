import type { Actor } from './access/access.js';
import type { Clock } from './clock.js';
import type { FieldCipher } from './crypto/field-cipher.js';
import type { Db } from './db/database.js';
import type { Logger } from './logger.js';

/** What the platform is built from; assembled once in the composition root (cli/serve or a test). */
export interface Deps {
  db: Db;
  clock: Clock;
  log: Logger;
  cipher: FieldCipher;
}

/** What every module function receives: the dependencies, who is acting, and the request it serves. */
export interface Ctx extends Deps {
  actor: Actor;
  requestId?: string;
}

/** A context for an actor, e.g. per request or for a CLI command. */
export function contextFor(deps: Deps, actor: Actor, requestId?: string): Ctx {
  return { ...deps, actor, ...(requestId ? { requestId } : {}) };
}
