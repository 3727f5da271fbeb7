import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../core/db/database.js';

/**
 * Runs statements on audit_events past its append-only triggers, as an attacker with database
 * access could: `session_replication_role = replica` for one transaction on PostgreSQL, the
 * triggers disabled and re-enabled inside one transaction on PGlite.
 */
export async function tamperWithAudit(database: Database, ...statements: SQL[]): Promise<void> {
  await database.db.transaction(async (tx) => {
    if (database.kind === 'postgres') await tx.execute(sql`set local session_replication_role = replica`);
    else await tx.execute(sql`alter table audit_events disable trigger user`);
    for (const statement of statements) await tx.execute(statement);
    if (database.kind === 'pglite') await tx.execute(sql`alter table audit_events enable trigger user`);
  });
}
