/**
 * Prints the gzip size of each web app's first load (entry JS, the chunks it imports statically,
 * and their CSS; lazily loaded pages excluded) from the Vite manifest, and fails when an app's first
 * load is over the budget. Usage: tsx scripts/bundle-size.ts [dist/web] [--budget-kb 400] [--markdown]
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  css?: string[];
}

/** One app's first load: its files and their sizes. */
export interface FirstLoad {
  app: string;
  files: { file: string; bytes: number; gzip: number }[];
  bytes: number;
  gzip: number;
}

/** The files a browser fetches before an app can render: the entry and its static imports, with CSS. */
export function firstLoadFiles(manifest: Record<string, ManifestChunk>, entryKey: string): string[] {
  const files = new Set<string>();
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    if (!chunk) throw new Error(`manifest has no ${key}`);
    files.add(chunk.file);
    for (const css of chunk.css ?? []) files.add(css);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  visit(entryKey);
  return [...files];
}

/** Measures each entry of the build in `webDir`. */
export function measureFirstLoads(webDir: string): FirstLoad[] {
  const manifest = JSON.parse(readFileSync(join(webDir, '.vite', 'manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
  return Object.entries(manifest)
    .filter(([, chunk]) => chunk.isEntry)
    .map(([key]) => {
      const files = firstLoadFiles(manifest, key).map((file) => {
        const content = readFileSync(join(webDir, file));
        return { file, bytes: content.length, gzip: gzipSync(content, { level: 9 }).length };
      });
      return { app: key.replace(/\/index\.html$/, ''), files, bytes: files.reduce((s, f) => s + f.bytes, 0), gzip: files.reduce((s, f) => s + f.gzip, 0) };
    })
    .sort((a, b) => a.app.localeCompare(b.app));
}

const kb = (n: number) => (n / 1024).toFixed(1);

function main(argv: string[]): void {
  const webDir = resolve(argv.find((a) => !a.startsWith('--') && !/^\d+$/.test(a)) ?? 'dist/web');
  const budgetAt = argv.indexOf('--budget-kb');
  const budget = budgetAt >= 0 ? Number(argv[budgetAt + 1]) : 400;
  const loads = measureFirstLoads(webDir);
  if (argv.includes('--markdown')) {
    console.log('| app | first-load files | raw KB | gzip KB |\n|---|---:|---:|---:|');
    for (const l of loads) console.log(`| /${l.app}/ | ${l.files.length} | ${kb(l.bytes)} | ${kb(l.gzip)} |`);
  } else {
    console.log(`web first load (entry JS + static imports + CSS), gzip -9; budget ${budget} KB per app`);
    for (const l of loads) {
      console.log(`  /${l.app}/  ${kb(l.gzip).padStart(7)} KB gzip  (${kb(l.bytes)} KB raw, ${l.files.length} files)`);
      for (const f of l.files) console.log(`      ${f.file.padEnd(48)} ${kb(f.gzip).padStart(7)} KB gzip`);
    }
  }
  const over = loads.filter((l) => l.gzip > budget * 1024);
  if (over.length) {
    console.error(`over budget: ${over.map((l) => `/${l.app}/ ${kb(l.gzip)} KB`).join(', ')}`);
    process.exit(1);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) main(process.argv.slice(2));
