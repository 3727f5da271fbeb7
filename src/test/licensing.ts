import type { Actor } from '../core/access/access.js';
import type { Clock } from '../core/clock.js';
import type { Deps } from '../core/context.js';
import type { Database } from '../core/db/database.js';
import { seedLicensing } from '../licenses/index.js';
import { actorFromStaff, findStaffByUsername, seedDemo, seedReferenceData } from '../registry/index.js';
import { openTestDatabase, testDeps } from './harness.js';

/** A fresh test database with the Yiyang reference data, the demo and the licence catalogue and keys. */
export async function openLicensingDatabase(clock?: Clock): Promise<{ database: Database; deps: Deps }> {
  const database = await openTestDatabase();
  const deps = testDeps(database, clock);
  await seedReferenceData(deps);
  await seedDemo(deps);
  await seedLicensing(deps);
  return { database, deps };
}

/** The actor of a demo staff account (DEMO_STAFF), as its sign-in would make it. */
export async function demoActor(deps: Deps, username: string): Promise<Actor> {
  const row = await findStaffByUsername(deps.db, username);
  if (!row) throw new Error(`no demo user ${username}`);
  return actorFromStaff(row);
}
