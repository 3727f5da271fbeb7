import {
  closePath, concatTransformationMatrix, endMarkedContent, fill, lineTo, moveTo, PDFName, PDFOperator,
  PDFOperatorNames, popGraphicsState, pushGraphicsState, rgb, setFillingRgbColor, setGraphicsState,
  type PDFFont, type PDFPage, type RGB,
} from 'pdf-lib';

/**
 * The red round electronic seal (电子印章) as vector artwork: a ring, a five-pointed star in the
 * centre, the department's name along the upper arc read clockwise, and an optional line under the
 * star (e.g. 证明专用章), after the round seals of state organs (国发〔1999〕25号: 4.2 cm for a
 * department, star in the centre, name around it).
 */
export interface SealSpec {
  /** Centre of the seal, in page points. */
  x: number;
  y: number;
  /** Outer radius in points (42 mm across is 59.5 pt). */
  radius: number;
  /** The name around the arc: the issuing department. */
  name: string;
  /** Optional horizontal line under the star. */
  label?: string;
  /** Bold face for the lettering (the document's title face, so the glyphs cost little extra). */
  font: PDFFont;
}

/** Seal red (印泥红). */
export const SEAL_RED: RGB = rgb(0.86, 0.07, 0.09);

const DEG = Math.PI / 180;
/** Seal lettering is condensed: glyphs are drawn at this fraction of their width. */
const CONDENSE = 0.78;
/** The largest arc the name may cover, centred on the top of the ring. */
const MAX_SPAN = 250 * DEG;
/** Ideographs occupy -0.12 em to 0.88 em in Noto CJK: their optical centre is 0.38 em above the baseline. */
const EM_CENTRE = 0.38;

/** Draws the seal over whatever is on the page; the ink multiplies with the text under it, as a stamp does. */
export function drawSeal(page: PDFPage, spec: SealSpec): void {
  const { x, y, radius } = spec;
  const ring = radius * 0.055;
  const ink = page.node.newExtGState('Seal', page.doc.context.obj({ Type: 'ExtGState', ca: 0.92, CA: 0.92, BM: PDFName.of('Multiply') }));
  const ops: PDFOperator[] = [pushGraphicsState(), setGraphicsState(ink), setFillingRgbColor(SEAL_RED.red, SEAL_RED.green, SEAL_RED.blue)];
  page.pushOperators(...ops);
  page.drawCircle({ x, y, size: radius - ring / 2, borderWidth: ring, borderColor: SEAL_RED });
  page.pushOperators(...starPath(x, y, radius * 0.3));
  drawArcLettering(page, spec, radius - ring - radius * 0.07);
  if (spec.label) lettering(page, spec.font, spec.label, radius * 0.15, x, y - radius * 0.52, 0);
  page.pushOperators(popGraphicsState());
}

/** A filled five-pointed star (五角星), point up; inner radius 0.382 of the outer, as a regular star. */
function starPath(cx: number, cy: number, outer: number): PDFOperator[] {
  const ops: PDFOperator[] = [];
  for (let k = 0; k < 10; k++) {
    const r = k % 2 === 0 ? outer : outer * 0.382;
    const a = 90 * DEG + k * 36 * DEG;
    ops.push((k === 0 ? moveTo : lineTo)(round(cx + r * Math.cos(a)), round(cy + r * Math.sin(a))));
  }
  return [...ops, closePath(), fill()];
}

/** The name along the arc, each glyph upright toward the rim, first character at the lower left. */
function drawArcLettering(page: PDFPage, spec: SealSpec, outerEdge: number): void {
  const chars = [...spec.name];
  const n = chars.length;
  if (n === 0) return;
  let size = spec.radius * 0.3;
  let centre = outerEdge - size * 0.5;
  let step = (size * CONDENSE * 1.1) / centre;
  if ((n - 1) * step > MAX_SPAN) {
    // Too long at the natural size: shrink the lettering until the name fits the arc.
    size = (MAX_SPAN * outerEdge) / ((n - 1) * CONDENSE * 1.1 + MAX_SPAN * 0.5);
    centre = outerEdge - size * 0.5;
    step = MAX_SPAN / (n - 1);
  } else if (n > 1) {
    // A short name spreads out over a seal-like arc instead of huddling at the top.
    step = Math.max(step, Math.min(220 * DEG, (n - 1) * 42 * DEG) / (n - 1));
  }
  const span = (n - 1) * step;
  chars.forEach((ch, i) => {
    const angle = 90 * DEG + span / 2 - i * step;
    lettering(page, spec.font, ch, size, spec.x + centre * Math.cos(angle), spec.y + centre * Math.sin(angle), angle - 90 * DEG);
  });
}

/**
 * `text` in the bold face, condensed, centred on (cx, cy) and rotated by `rotation` radians, inside
 * a marked-content span whose replacement text is empty (ISO 32000-1 §14.9.4 ActualText): the
 * letters print, but text extraction and screen readers skip them, as they skip any picture.
 */
function lettering(page: PDFPage, font: PDFFont, text: string, size: number, cx: number, cy: number, rotation: number): void {
  const width = font.widthOfTextAtSize(text, size);
  const cos = Math.cos(rotation);
  const sin = Math.sin(rotation);
  page.pushOperators(
    PDFOperator.of(PDFOperatorNames.BeginMarkedContentSequence, [PDFName.of('Span'), SILENT]),
    pushGraphicsState(),
    concatTransformationMatrix(round(CONDENSE * cos), round(CONDENSE * sin), round(-sin), round(cos), round(cx), round(cy)),
  );
  page.drawText(text, { x: round(-width / 2), y: round(-EM_CENTRE * size), size: round(size), font, color: SEAL_RED });
  page.pushOperators(popGraphicsState(), endMarkedContent());
}

/**
 * The inline property list of the span (written as raw operand text: pdf-lib types operands narrowly).
 * Inline, not a named /Properties resource: poppler honours ActualText only inline.
 */
const SILENT = '<< /ActualText () >>';

/** Four decimals: a ten-thousandth of a point, and short numbers in the content stream. */
const round = (v: number) => Math.round(v * 1e4) / 1e4;
