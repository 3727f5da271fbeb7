import { performance } from 'node:perf_hooks';
import { systemActor } from '../src/core/access/access.js';
import { contextFor } from '../src/core/context.js';
import { findSubjectRowByIdNumber, findSubjects, seedReferenceData, seedSyntheticSubjects } from '../src/registry/index.js';
import { loadSyntheticPlaces } from '../src/registry/seed.js';
import { syntheticPerson } from '../src/registry/demo/synthetic.js';
import { intArg, machineLine, openBenchDatabase, percentile } from './support.js';

/**
 * Issue 2: insert N synthetic persons (validated, encrypted, blind-indexed) and time lookups by ID
 * number through the module functions, on PGlite and PostgreSQL in the same run.
 * Goal on PostgreSQL: ≥ 20,000 rows/s, lookup p99 < 2 ms.
 */
export async function main(args: Map<string, string>): Promise<void> {
  const persons = intArg(args, 'persons', 1_000_000);
  const lookups = intArg(args, 'lookups', 100_000);
  const engines = (args.get('engines') ?? 'pglite,postgres').split(',') as ('pglite' | 'postgres')[];
  const adminUrl = args.get('url') ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  console.log(`# subjects benchmark — ${persons} persons, ${lookups} lookups — ${machineLine()}`);
  const results: string[] = [];
  for (const engine of engines) {
    const bench = await openBenchDatabase(engine, adminUrl);
    try {
      await seedReferenceData(bench.deps);
      const t0 = performance.now();
      let lastReport = t0;
      await seedSyntheticSubjects(bench.deps, {
        persons,
        organizations: 0,
        batchSize: 5000,
        onProgress: (done) => {
          const now = performance.now();
          if (now - lastReport > 10_000) {
            lastReport = now;
            console.log(`  ${engine}: ${done} rows, ${Math.round(done / ((now - t0) / 1000))} rows/s`);
          }
        },
      });
      const insertSeconds = (performance.now() - t0) / 1000;
      const rowsPerSecond = persons / insertSeconds;

      // Look up random existing persons: regenerate their ID numbers from their indexes.
      const places = await loadSyntheticPlaces(bench.deps);
      const ctx = contextFor(bench.deps, systemActor);
      const raw: number[] = [];
      const audited: number[] = [];
      for (let i = 0; i < lookups; i++) {
        const idNumber = syntheticPerson(Math.floor(Math.random() * persons), places).idNumber ?? '';
        const audit = i % 2 === 1; // half through findSubjects (scoped, audited), half through the bare index lookup
        const s = performance.now();
        const found = audit ? (await findSubjects(ctx, { idNumber, limit: 1 })).items[0] : await findSubjectRowByIdNumber(bench.deps.db, bench.deps.cipher, idNumber);
        (audit ? audited : raw).push(performance.now() - s);
        if (!found) throw new Error(`lookup ${i} found nothing for a seeded person`);
      }
      raw.sort((a, b) => a - b);
      audited.sort((a, b) => a - b);
      const line =
        `${engine.padEnd(8)} insert ${persons} persons in ${insertSeconds.toFixed(1)} s = ${Math.round(rowsPerSecond)} rows/s` +
        ` (goal ≥ 20,000: ${(rowsPerSecond / 20_000).toFixed(2)}×) | lookup by ID number, index only: p50 ${percentile(raw, 50).toFixed(3)} ms p99 ${percentile(raw, 99).toFixed(3)} ms` +
        ` (goal p99 < 2 ms: ${(2 / percentile(raw, 99)).toFixed(2)}×) | via findSubjects with scope + audit: p50 ${percentile(audited, 50).toFixed(3)} ms p99 ${percentile(audited, 99).toFixed(3)} ms`;
      console.log(line);
      results.push(line);
    } finally {
      await bench.dispose();
    }
  }
  console.log('\n## summary');
  for (const r of results) console.log(r);
}
