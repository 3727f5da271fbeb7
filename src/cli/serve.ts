import { join } from 'node:path';
import { systemClock } from '../core/clock.js';
import { loadConfig } from '../core/config.js';
import { loadFieldCipher } from '../core/crypto/field-cipher.js';
import { openDatabase } from '../core/db/database.js';
import { migrateDatabase } from '../core/db/migrate.js';
import { buildApp } from '../http/app.js';
import { DEMO_PASSWORD, ensureFirstAdmin, purgeEndedSessions, seedDemo, seedReferenceData } from '../registry/index.js';
import { anchorAuditChain } from '../core/audit/audit-anchor.js';
import { seedDemoLicenses, seedLicensing } from '../licenses/seed.js';
import { purgePortalLeftovers } from '../portal/index.js';
import { seedDemoRecords } from '../exchange/index.js';
import { preloadDocumentFonts, seedDemoProofs, seedProofing } from '../proofs/index.js';
import { expireLicenses, failInterruptedImports, startBackgroundSigner } from '../licenses/index.js';
import { serverLogger, version } from './runtime.js';

/**
 * `mianzheng serve`: migrate, seed the reference data (and the demo when enabled), make sure an
 * admin exists, and serve the API and web apps until SIGINT/SIGTERM. The background signer signs
 * whatever licences are left unsigned at start and after each import.
 */
export async function serve(): Promise<void> {
  const config = loadConfig();
  const log = serverLogger(config);
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, log });
  log.info({ engine: database.kind, location: database.location }, 'database opened');
  await migrateDatabase(database);
  const deps = { db: database.db, clock: systemClock, log, cipher: loadFieldCipher(config, (msg) => log.warn(msg)) };
  const seeded = await seedReferenceData(deps);
  const licensing = await seedLicensing(deps);
  const proofing = await seedProofing(deps);
  log.info({ ...seeded, ...licensing, ...proofing }, 'reference data ready');
  const admin = await ensureFirstAdmin(deps, config.adminPassword);
  if (admin.generatedPassword) {
    // Printed once, to the terminal, never logged: it is not stored anywhere in clear.
    process.stdout.write(
      `\n  ┌──────────────────────────────────────────────────────────┐\n` +
        `  │ 首个管理员 / first admin:  admin                          │\n` +
        `  │ 初始密码 / password:       ${admin.generatedPassword.padEnd(30)}│\n` +
        `  │ 仅显示这一次，首次登录后请修改 / shown once; change it   │\n` +
        `  └──────────────────────────────────────────────────────────┘\n\n`,
    );
  }
  if (config.demo) {
    const demo = { ...(await seedDemo(deps)), licenses: await seedDemoLicenses(deps), dataRecords: await seedDemoRecords(deps), proofs: await seedDemoProofs(deps) };
    log.info({ ...demo, demoPassword: DEMO_PASSWORD }, 'Yiyang demo data ready (demo accounts share the demo password)');
  }
  await anchorAuditChain(deps.db, deps.cipher, deps.clock);
  preloadDocumentFonts(); // so the first proof PDF a citizen asks for is not the slow one
  const interrupted = await failInterruptedImports(deps);
  if (interrupted) log.warn({ interrupted }, 'licence imports left running by a stopped process were marked failed');
  // Bulk imports leave licences unsigned; this signs them in worker threads (and whatever a crash left).
  const signer = startBackgroundSigner(deps, { log, concurrency: database.kind === 'postgres' ? 2 : 1, batchSize: database.kind === 'postgres' ? 1000 : 200 });
  const app = await buildApp(deps, { ...config, version, signer, uploadDir: join(config.dataDir, 'uploads') });
  // Hourly housekeeping; every chore is idempotent, so several replicas may run it.
  const chores = setInterval(() => {
    purgeEndedSessions(deps.db, deps.clock).catch((err: unknown) => log.warn({ err }, 'session purge failed'));
    purgePortalLeftovers(deps.db, deps.clock).catch((err: unknown) => log.warn({ err }, 'portal purge failed'));
    expireLicenses(deps).catch((err: unknown) => log.warn({ err }, 'licence expiry failed'));
    anchorAuditChain(deps.db, deps.cipher, deps.clock).catch((err: unknown) => log.warn({ err }, 'audit anchoring failed'));
  }, 3_600_000);
  chores.unref();
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    log.info({ signal }, 'shutting down');
    clearInterval(chores);
    await app.close();
    await signer.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  await app.listen({ host: config.host, port: config.port });
  signer.kick();
  log.info(`mianzheng ${version} listening on http://${config.host}:${config.port} (console /console/, portal /portal/, API docs /docs)`);
}
