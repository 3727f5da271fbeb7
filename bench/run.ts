/**
 * `npm run bench -- NAME [--flag value …]`: runs one benchmark; each prints its figures.
 * Benchmarks are not part of `npm test`; CI may run them at toy size to prove they still work.
 */
const benches: Record<string, () => Promise<{ main(args: Map<string, string>): Promise<void> }>> = {
  subjects: () => import('./subjects.bench.js'),
  pdf: () => import('./pdf.bench.js'),
  proofs: () => import('./proofs.bench.js'),
  licenses: () => import('./licenses.bench.js'),
};

const [name, ...rest] = process.argv.slice(2);
const loader = name ? benches[name] : undefined;
if (!loader) {
  process.stderr.write(`usage: npm run bench -- <${Object.keys(benches).join('|')}> [--flag value …]\n`);
  process.exit(2);
}
const args = new Map<string, string>();
for (let i = 0; i < rest.length; i += 2) {
  const key = rest[i]?.replace(/^--/, '');
  const value = rest[i + 1];
  if (!key || value === undefined) {
    process.stderr.write(`bench: flag ${rest[i]} needs a value\n`);
    process.exit(2);
  }
  args.set(key, value);
}
await (await loader()).main(args);
