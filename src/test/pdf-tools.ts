import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { PNG } from 'pngjs';

// jsqr's typings declare an ES default export, but the package is CommonJS exporting the function itself.
const jsQR = createRequire(import.meta.url)('jsqr') as typeof import('jsqr').default;

/** True when a command-line tool runs here (the poppler tools come with Debian's poppler-utils). */
export function hasTool(tool: string): boolean {
  try {
    execFileSync(tool, ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Whether pdftotext and pdftoppm are installed; each missing one is reported once with the reason its checks are skipped. */
export function popplerTools(what: string): { pdftotext: boolean; pdftoppm: boolean } {
  const tools = { pdftotext: hasTool('pdftotext'), pdftoppm: hasTool('pdftoppm') };
  if (!tools.pdftotext) console.warn(`SKIPPED: ${what} text checks need pdftotext (apt-get install -y poppler-utils)`);
  if (!tools.pdftoppm) console.warn(`SKIPPED: ${what} QR checks need pdftoppm (apt-get install -y poppler-utils)`);
  return tools;
}

/** The text of a PDF file as pdftotext reads it (UTF-8, through the fonts' ToUnicode maps). */
export function pdfText(path: string): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-']).toString('utf8');
}

/** Renders one page of a PDF file at 100 dpi (into `dir`) and decodes the QR code on it, if any. */
export function qrOnPage(path: string, page: number, dir: string): string | undefined {
  execFileSync('pdftoppm', ['-png', '-r', '100', '-gray', '-f', String(page), '-l', String(page), '-singlefile', path, join(dir, 'qr')]);
  const png = PNG.sync.read(readFileSync(join(dir, 'qr.png')));
  return jsQR(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length), png.width, png.height)?.data;
}
