#!/usr/bin/env node
// The `mianzheng` command: runs the compiled CLI (npm run build produces dist/).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  console.error('mianzheng: dist/ is missing; run `npm run build` first (npm start does it for you).');
  process.exit(1);
}
await import(entry.href);
