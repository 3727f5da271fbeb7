import { performance } from 'node:perf_hooks';
import { renderDocumentPdf } from '../src/proofs/pdf/document.render.js';
import { sampleFoodLicense, sampleResidenceProof } from '../src/proofs/pdf/document.samples.js';
import { intArg, machineLine } from './support.js';

/**
 * Issue 4: proof PDF generation — renders N documents (A4, embedded font subset, seal, QR), one at
 * a time on one core, and prints documents per second and mean size. `--count` (default 500).
 */
export async function main(args: Map<string, string>): Promise<void> {
  const count = intArg(args, 'count', 500);
  console.log(`# pdf benchmark — ${count} documents — ${machineLine()}`);
  const t0 = performance.now();
  await renderDocumentPdf(sampleResidenceProof());
  console.log(`first document (reads and parses the font): ${(performance.now() - t0).toFixed(0)} ms`);

  let bytes = 0;
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  for (let i = 0; i < count; i++) {
    // Vary holder, number and code so that no two documents are alike; every fifth is a licence.
    const code = `B${String(i).padStart(7, '0')}`;
    const overrides = { number: `益公赫居证〔2025〕第${String(i).padStart(6, '0')}号`, verificationCode: code, verificationUrl: `http://localhost:3000/v/${code}` };
    const doc = i % 5 === 4 ? sampleFoodLicense(overrides) : sampleResidenceProof({ ...overrides, holder: [{ label: '姓名', value: NAMES[i % NAMES.length] ?? '张三' }, ...sampleResidenceProof().holder.slice(1)] });
    bytes += (await renderDocumentPdf(doc)).length;
  }
  const seconds = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  console.log(`documents/s: ${(count / seconds).toFixed(1)} (wall clock, one core)`);
  // On a shared machine the wall clock counts other people's work too; CPU time counts only ours.
  console.log(`documents per CPU-second: ${(count / cpuSeconds).toFixed(1)} (${((cpuSeconds / Math.max(count, 1)) * 1000).toFixed(1)} ms CPU each)`);
  console.log(`mean size: ${(bytes / Math.max(count, 1) / 1024).toFixed(1)} KiB`);
}

const NAMES = ['张晓梅', '李建国', '王芳', '刘德华', '陈静', '杨帆', '赵磊', '黄丽娟', '周志强', '吴敏'];
