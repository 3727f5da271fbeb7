import { fill, popGraphicsState, pushGraphicsState, rectangle, setFillingGrayscaleColor, type PDFOperator, type PDFPage } from 'pdf-lib';
import QRCode from 'qrcode';

/** Modules of light margin a reader needs around the symbol (ISO/IEC 18004 §6.3.8). */
export const QR_QUIET_ZONE = 4;

/** Modules per side of the QR symbol for `text` at error correction level M. */
export function qrModuleCount(text: string): number {
  return QRCode.create(text, { errorCorrectionLevel: 'M' }).modules.size;
}

/**
 * Draws the QR code (ISO/IEC 18004, error correction level M) for `text` filling the `size`-point
 * square whose lower-left corner is (x, y); the caller keeps {@link QR_QUIET_ZONE} modules clear
 * around it. Each run of dark modules in a row is one rectangle of a single filled path, which keeps
 * the content stream small and the edges crisp in print.
 */
export function drawQrCode(page: PDFPage, text: string, x: number, y: number, size: number): void {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = modules.size;
  const unit = size / n;
  const ops: PDFOperator[] = [pushGraphicsState(), setFillingGrayscaleColor(0)];
  for (let row = 0; row < n; row++) {
    // Each run reaches a hair into the next row so that renderers leave no seam between rows.
    const bottom = round(y + size - (row + 1) * unit - unit * 0.02);
    let col = 0;
    while (col < n) {
      if (!modules.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < n && modules.get(row, col)) col++;
      ops.push(rectangle(round(x + start * unit), bottom, round((col - start) * unit), round(unit * 1.02)));
    }
  }
  ops.push(fill(), popGraphicsState());
  page.pushOperators(...ops);
}

/** Coordinates to 1/100 pt: invisible in print, and the content stream stays short. */
const round = (v: number) => Math.round(v * 100) / 100;
