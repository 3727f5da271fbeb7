/**
 * Writes .gz and .br beside each JS, CSS and SVG asset of the web build, so the server
 * (@fastify/static with preCompressed) sends them compressed without compressing per request.
 * Usage: tsx scripts/precompress.ts [dist/web]
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** Compresses every compressible file in `dir`; returns how many files were compressed. */
export function precompress(dir: string): number {
  let n = 0;
  for (const name of readdirSync(dir)) {
    if (!/\.(js|css|svg|json)$/.test(name)) continue;
    const content = readFileSync(join(dir, name));
    writeFileSync(join(dir, `${name}.gz`), gzipSync(content, { level: 9 }));
    writeFileSync(join(dir, `${name}.br`), brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
    n += 1;
  }
  return n;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const assets = join(resolve(process.argv[2] ?? 'dist/web'), 'assets');
  console.log(`precompressed ${precompress(assets)} assets in ${assets}`);
}
