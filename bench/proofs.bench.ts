import { performance } from 'node:perf_hooks';
import type { Actor } from '../src/core/access/access.js';
import { contextFor } from '../src/core/context.js';
import { writeRecords, type DataRecordInput } from '../src/exchange/index.js';
import { seedLicensing } from '../src/licenses/seed.js';
import { departmentSigner, signWith } from '../src/licenses/index.js';
import { issueProof, preloadDocumentFonts, proofPdf, PROOF_TYPES, responsibleDepartment, seedProofing } from '../src/proofs/index.js';
import { departmentIdOf, listSubjectRowsAfter, seedReferenceData, seedSyntheticSubjects } from '../src/registry/index.js';
import { intArg, machineLine, openBenchDatabase, percentile } from './support.js';

/** A clerk at the municipal government service centre: any proof, any holder in the city. */
const clerk: Actor = {
  kind: 'staff', id: '00000000-0000-4000-8000-00000000be01', name: 'bench.clerk', departmentId: departmentIdOf('430900-government_services'),
  roles: ['clerk'], scope: { regionCode: '430900000000', departmentIds: [] },
};

/** The proofs issued in turn: the police, civil affairs, HRSS and natural resources, each from its own records. */
const TYPES = ['no_criminal_record', 'residence', 'marital_status', 'social_insurance', 'no_property'] as const;

/** Records under which every proof in TYPES is issued. */
function records(subjectId: string, i: number): DataRecordInput[] {
  return [
    { subjectId, resourceCode: 'household_registration', facts: { address: `湖南省益阳市赫山区赫山街道示例路${1 + (i % 300)}号（示例）`, householder: '示例', relationToHouseholder: '户主', registeredOn: '2012-05-01', status: 'active', members: [] } },
    { subjectId, resourceCode: 'criminal_record', facts: { entries: [] } },
    { subjectId, resourceCode: 'real_estate', facts: { properties: [] } },
    { subjectId, resourceCode: 'social_insurance', facts: { status: 'active', schemes: ['企业职工基本养老保险', '失业保险', '工伤保险'], employer: '益阳市示例电子有限公司（示例）', since: '2013-07-01', paidMonths: 100 + (i % 90), arrears: false } },
  ];
}

/**
 * Issue 4: end-to-end proof issuance — the rule reads the holder's records, the proof is numbered,
 * signed with the department's SM2 key, stored and audited — followed by its PDF (read, audited,
 * rendered with the embedded font subset, seal and QR code), one proof after another. Prints proofs
 * per second (issue + PDF), each half alone, latency percentiles and mean PDF size.
 * `--count` (default 300), `--engines pglite,postgres` (default pglite), `--url` for PostgreSQL.
 */
export async function main(args: Map<string, string>): Promise<void> {
  const count = intArg(args, 'count', 300);
  const engines = (args.get('engines') ?? 'pglite').split(',') as ('pglite' | 'postgres')[];
  const adminUrl = args.get('url') ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  console.log(`# proofs benchmark — ${count} proofs issued and rendered per engine — ${machineLine()}`);
  preloadDocumentFonts();
  for (const engine of engines) {
    const bench = await openBenchDatabase(engine, adminUrl);
    try {
      await seedReferenceData(bench.deps);
      await seedLicensing(bench.deps);
      await seedProofing(bench.deps);
      const holders = Math.min(count, 500);
      await seedSyntheticSubjects(bench.deps, { persons: holders, organizations: 0 });
      const subjects = await listSubjectRowsAfter(bench.deps.db, null, holders);
      await writeRecords(bench.deps.db, new Date(), subjects.flatMap((s, i) => records(s.id, i)));
      const ctx = contextFor(bench.deps, clerk);
      const publicUrl = 'https://zwfw.yiyang.example';

      // Warm up: a department's first signature decodes its key (a one-time cost per key and
      // process, ~35 ms); the holders here span some forty issuing departments.
      const lines = new Set(PROOF_TYPES.filter((t) => (TYPES as readonly string[]).includes(t.code)).map((t) => t.issuingLine));
      for (const regionCode of new Set(subjects.map((s) => s.regionCode))) {
        for (const line of lines) signWith(await departmentSigner(bench.deps.db, bench.deps.cipher, (await responsibleDepartment(bench.deps.db, line, regionCode)).id), 'warm-up');
      }
      const warm = await issueProof(ctx, { typeCode: TYPES[0], holderId: subjects[0]?.id ?? '', purpose: '预热' });
      await proofPdf(ctx, warm.id, publicUrl);

      const issueMs: number[] = [];
      const pdfMs: number[] = [];
      let bytes = 0;
      const cpuStart = process.cpuUsage();
      const start = performance.now();
      for (let i = 0; i < count; i++) {
        const holder = subjects[i % subjects.length];
        if (!holder) throw new Error('no holder');
        const t0 = performance.now();
        const proof = await issueProof(ctx, { typeCode: TYPES[i % TYPES.length] ?? 'residence', holderId: holder.id, purpose: '办理公共租赁住房申请' });
        const t1 = performance.now();
        const pdf = await proofPdf(ctx, proof.id, publicUrl);
        const t2 = performance.now();
        issueMs.push(t1 - t0);
        pdfMs.push(t2 - t1);
        bytes += pdf.bytes.length;
      }
      const seconds = (performance.now() - start) / 1000;
      const cpu = process.cpuUsage(cpuStart);
      const cpuSeconds = (cpu.user + cpu.system) / 1e6;
      const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
      issueMs.sort((a, b) => a - b);
      pdfMs.sort((a, b) => a - b);
      console.log(`${engine}: issue + PDF ${(count / seconds).toFixed(1)} proofs/s (wall clock, one process, sequential); ${(count / cpuSeconds).toFixed(1)} per CPU-second of this process`);
      console.log(`${engine}:   issue alone ${(count / (sum(issueMs) / 1000)).toFixed(1)}/s, p50 ${percentile(issueMs, 50).toFixed(1)} ms, p99 ${percentile(issueMs, 99).toFixed(1)} ms`);
      console.log(`${engine}:   PDF alone ${(count / (sum(pdfMs) / 1000)).toFixed(1)}/s, p50 ${percentile(pdfMs, 50).toFixed(1)} ms, p99 ${percentile(pdfMs, 99).toFixed(1)} ms`);
      console.log(`${engine}:   mean PDF size ${(bytes / Math.max(count, 1) / 1024).toFixed(1)} KiB`);
    } finally {
      await bench.dispose();
    }
  }
}
