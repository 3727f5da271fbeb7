import {
  PDFDocument, popGraphicsState, pushGraphicsState, rgb, setCharacterSpacing, type PDFFont, type PDFPage, type RGB,
} from 'pdf-lib';
import { AppError } from '../../core/errors.js';
import { cachingFontkit, documentFontBytes, missingGlyphs, textWidth } from './font.loader.js';
import { assertPrintable, formatChineseDate, type PrintableDocument } from './printable-document.js';
import { drawQrCode, QR_QUIET_ZONE, qrModuleCount } from './qr.draw.js';
import { drawSeal } from './seal.draw.js';
import { wrapParagraph, type WrappedLine } from './text.wrap.js';

/** ISO 216 A4 in points. */
const A4 = { width: 595.28, height: 841.89 } as const;
/** Type area 156 mm wide, centred, as GB/T 9704-2012 §5.2.1 sets it for official documents. */
const MARGIN_X = (A4.width - 442.2) / 2;
const CONTENT = A4.width - 2 * MARGIN_X;
const TOP = A4.height - 52;
/** Content may not go below this line; the footnote and page number live under it. */
const BOTTOM = 72;

const INK: RGB = rgb(0.1, 0.1, 0.1);
const MUTED: RGB = rgb(0.38, 0.38, 0.38);
const RULE: RGB = rgb(0.35, 0.35, 0.35);
const LABEL_FILL: RGB = rgb(0.955, 0.955, 0.955);

/** Body 四号 (14 pt), table 小四 (12 pt), title 一号 (26 pt): the sizes of Chinese official paperwork. */
const SIZE = { title: 26, body: 14, table: 12, meta: 10.5, small: 9 } as const;
/** Seal 42 mm across (国发〔1999〕25号, a department's seal). */
const SEAL_RADIUS = (42 / 25.4) * 72 / 2;
/** QR symbol side (without its quiet zone): about 1.2 mm per module for a verification URL, easy for any phone. */
const QR_SIZE = 88;

const DEFAULT_FOOTNOTE = '本文件为电子文件，经签发部门电子签名，与纸质文件具有同等效力；可扫描二维码或凭核验码在线核验真伪。';

interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
}

/** Where the next line goes: the page being filled and the baseline cursor on it. */
interface Flow {
  pdf: PDFDocument;
  fonts: Fonts;
  doc: PrintableDocument;
  page: PDFPage;
  y: number;
}

/**
 * Renders a proof or licence as an A4 PDF (ISO 32000-1) with the document font embedded as a subset
 * (with a ToUnicode map, so the text can be searched and copied), the red electronic seal over the
 * issuer and date, and a QR code (ISO/IEC 18004) to the verification page. Long content flows onto
 * further pages; the seal block always stays whole on the last one. The same input gives the same bytes.
 */
export async function renderDocumentPdf(doc: PrintableDocument): Promise<Uint8Array> {
  assertPrintable(doc);
  const missing = missingGlyphs(allText(doc));
  if (missing.length > 0) {
    throw new AppError('invalid', `字库中缺少以下字符，无法生成文件：${missing.join(' ')}`, [
      { field: 'text', message: `characters missing from the document font: ${missing.join(' ')}` },
    ]);
  }

  const pdf = await PDFDocument.create();
  pdf.registerFontkit(cachingFontkit);
  const fonts: Fonts = {
    // Subset tags (ISO 32000-1 §9.6.4) fixed rather than random, so the same input gives the same bytes.
    regular: await pdf.embedFont(documentFontBytes('regular'), { subset: true, customName: 'MZPDFR+NotoSerifSC-Regular' }),
    bold: await pdf.embedFont(documentFontBytes('bold'), { subset: true, customName: 'MZPDFB+NotoSerifSC-Bold' }),
  };
  const issued = new Date(`${doc.issuedOn}T00:00:00+08:00`);
  pdf.setTitle(`${doc.title}（${doc.number}）`, { showInWindowTitleBar: true });
  pdf.setAuthor(doc.issuer);
  pdf.setSubject(doc.title);
  pdf.setCreator('mianzheng 免证');
  pdf.setProducer('mianzheng 免证 (pdf-lib)');
  pdf.setLanguage('zh-CN');
  pdf.setCreationDate(issued);
  pdf.setModificationDate(issued);

  const flow: Flow = { pdf, fonts, doc, page: pdf.addPage([A4.width, A4.height]), y: TOP };
  drawPageHead(flow);
  drawTitle(flow);
  drawHolderTable(flow);
  drawBody(flow);
  drawSignatureBlock(flow);
  drawPageFeet(flow);
  return pdf.save({ useObjectStreams: true });
}

/** Every string that will be set in the document font. */
function allText(doc: PrintableDocument): string {
  return [
    doc.title, doc.number, doc.verificationCode, doc.issuer, doc.sealText, doc.sealLabel ?? '', doc.footnote ?? DEFAULT_FOOTNOTE,
    doc.verificationUrl, ...doc.paragraphs, ...doc.holder.flatMap((h) => [h.label, h.value]), validityText(doc),
    '编号：核验码扫码或访问第页共0123456789',
  ].join('');
}

/** 有效期至：2025年8月22日, 有效期限：2025年5月22日至2030年5月21日, or 有效期：长期. */
export function validityText(doc: Pick<PrintableDocument, 'validFrom' | 'validUntil'>): string {
  if (doc.validUntil === null) return doc.validFrom ? `有效期限：${formatChineseDate(doc.validFrom)}起长期有效` : '有效期：长期';
  const until = formatChineseDate(doc.validUntil);
  return doc.validFrom ? `有效期限：${formatChineseDate(doc.validFrom)}至${until}` : `有效期至：${until}`;
}

/** Starts a new page when `height` points do not fit above the bottom margin. */
function ensureSpace(flow: Flow, height: number): void {
  if (flow.y - height >= BOTTOM) return;
  flow.page = flow.pdf.addPage([A4.width, A4.height]);
  flow.y = TOP;
  drawPageHead(flow);
}

/** 编号 at the top right of every page. */
function drawPageHead(flow: Flow): void {
  const text = `编号：${flow.doc.number}`;
  const width = textWidth('regular', text, SIZE.meta);
  flow.page.drawText(text, { x: A4.width - MARGIN_X - width, y: TOP, size: SIZE.meta, font: flow.fonts.regular, color: MUTED });
  flow.y = TOP - 30;
}

/** The title, centred and bold; a short title is letter-spaced as printed forms are (居 住 证 明). */
function drawTitle(flow: Flow): void {
  const { bold } = flow.fonts;
  const chars = [...flow.doc.title];
  const spacing = chars.length <= 6 ? SIZE.title * 0.5 : chars.length <= 10 ? SIZE.title * 0.15 : 0;
  let size: number = SIZE.title;
  let width = textWidth('bold', flow.doc.title, size) + spacing * (chars.length - 1);
  if (width > CONTENT) {
    size = (size * CONTENT) / width;
    width = CONTENT;
  }
  flow.y -= size * 1.1;
  drawSpaced(flow.page, flow.doc.title, (A4.width - width) / 2, flow.y, size, bold, INK, spacing);
  flow.y -= size * 1.2;
}

/** The holder table: a shaded label column and a value column that wraps. */
function drawHolderTable(flow: Flow): void {
  const { holder } = flow.doc;
  if (holder.length === 0) return;
  const { regular } = flow.fonts;
  const pad = 7;
  const leading = SIZE.table * 1.5;
  const labelWidth = Math.max(84, ...holder.map((h) => textWidth('regular', h.label, SIZE.table) + 2 * pad));
  const valueWidth = CONTENT - labelWidth;
  const measure = (t: string) => textWidth('regular', t, SIZE.table);
  let first = true;
  for (const line of holder) {
    const labelLines = wrapParagraph(line.label, labelWidth - 2 * pad, measure);
    const valueLines = wrapParagraph(line.value || '—', valueWidth - 2 * pad, measure);
    const rows = Math.max(labelLines.length, valueLines.length);
    const height = rows * leading + 2 * pad - (leading - SIZE.table * 1.2);
    const pageBefore = flow.page;
    ensureSpace(flow, height);
    if (flow.page !== pageBefore) first = true;
    const top = flow.y;
    const { page } = flow;
    page.drawRectangle({ x: MARGIN_X, y: top - height, width: labelWidth, height, color: LABEL_FILL });
    const border = { borderColor: RULE, borderWidth: 0.6 };
    page.drawRectangle({ x: MARGIN_X, y: top - height, width: labelWidth, height, ...border });
    page.drawRectangle({ x: MARGIN_X + labelWidth, y: top - height, width: valueWidth, height, ...border });
    if (first) page.drawLine({ start: { x: MARGIN_X, y: top }, end: { x: MARGIN_X + CONTENT, y: top }, thickness: 1.2, color: RULE });
    const baseline = top - pad - SIZE.table * 0.92;
    // Labels are centred in their cell, both ways, as on printed forms.
    const labelBaseline = baseline - ((rows - labelLines.length) * leading) / 2;
    labelLines.forEach((l, i) => {
      page.drawText(l.text, { x: MARGIN_X + (labelWidth - l.width) / 2, y: labelBaseline - i * leading, size: SIZE.table, font: regular, color: INK });
    });
    valueLines.forEach((l, i) => drawLine(page, l, MARGIN_X + labelWidth + pad, baseline - i * leading, valueWidth - 2 * pad, SIZE.table, regular));
    flow.y = top - height;
    first = false;
  }
  flow.page.drawLine({ start: { x: MARGIN_X, y: flow.y }, end: { x: MARGIN_X + CONTENT, y: flow.y }, thickness: 1.2, color: RULE });
  flow.y -= 18;
}

/** Body paragraphs (two-character indent, justified), then the validity line. */
function drawBody(flow: Flow): void {
  const { regular } = flow.fonts;
  const leading = SIZE.body * 1.85;
  const measure = (t: string) => textWidth('regular', t, SIZE.body);
  for (const paragraph of flow.doc.paragraphs) {
    const lines = wrapParagraph(paragraph, CONTENT, measure, SIZE.body * 2);
    lines.forEach((line, i) => {
      ensureSpace(flow, leading);
      flow.y -= leading;
      const indent = i === 0 ? SIZE.body * 2 : 0;
      drawLine(flow.page, line, MARGIN_X + indent, flow.y + leading - SIZE.body * 1.3, CONTENT - indent, SIZE.body, regular);
    });
    flow.y -= SIZE.body * 0.4;
  }
  ensureSpace(flow, leading);
  flow.y -= leading;
  flow.page.drawText(validityText(flow.doc), { x: MARGIN_X, y: flow.y + leading - SIZE.body * 1.3, size: SIZE.table, font: regular, color: INK });
}

/**
 * The block at the end: QR code, verification code and address on the left; issuer and date on
 * the right with the seal over them (the seal covers the date, as 骑年盖月 asks).
 */
function drawSignatureBlock(flow: Flow): void {
  const { doc } = flow;
  const { regular, bold } = flow.fonts;
  const unit = QR_SIZE / qrModuleCount(doc.verificationUrl);
  const quiet = unit * QR_QUIET_ZONE;
  const hint = `扫码或访问 ${doc.verificationUrl} 核验`;
  const hintLines = wrapParagraph(hint, CONTENT * 0.6, (t) => textWidth('regular', t, SIZE.small));
  const height = quiet + QR_SIZE + quiet + SIZE.meta + hintLines.length * SIZE.small * 1.5;
  ensureSpace(flow, Math.max(height, SEAL_RADIUS * 2 + 10));
  const { page } = flow;
  const top = flow.y - quiet;

  // QR code at the left margin, its quiet zone kept clear, the verification code under it.
  const qrBottom = top - QR_SIZE;
  drawQrCode(page, doc.verificationUrl, MARGIN_X, qrBottom, QR_SIZE);
  const codeY = qrBottom - quiet - SIZE.meta * 0.88;
  const codeLabel = '核验码：';
  page.drawText(codeLabel, { x: MARGIN_X, y: codeY, size: SIZE.meta, font: regular, color: INK });
  page.drawText(doc.verificationCode, { x: MARGIN_X + textWidth('regular', codeLabel, SIZE.meta), y: codeY, size: SIZE.meta + 1, font: bold, color: INK });
  hintLines.forEach((line, i) => {
    page.drawText(line.text, { x: MARGIN_X, y: codeY - SIZE.meta * 1.6 - i * SIZE.small * 1.5, size: SIZE.small, font: regular, color: MUTED });
  });

  // Issuer and date, right-aligned as a block and centred on each other, under the seal.
  const date = formatChineseDate(doc.issuedOn);
  const issuerWidth = textWidth('regular', doc.issuer, SIZE.body);
  const dateWidth = textWidth('regular', date, SIZE.body);
  const centreX = A4.width - MARGIN_X - Math.max(issuerWidth, dateWidth, SEAL_RADIUS * 1.6) / 2;
  const issuerY = top - QR_SIZE * 0.42;
  const dateY = issuerY - SIZE.body * 1.9;
  page.drawText(doc.issuer, { x: centreX - issuerWidth / 2, y: issuerY, size: SIZE.body, font: regular, color: INK });
  page.drawText(date, { x: centreX - dateWidth / 2, y: dateY, size: SIZE.body, font: regular, color: INK });
  const seal = { font: bold, x: centreX, y: (issuerY + dateY) / 2 + SIZE.body * 0.35, radius: SEAL_RADIUS, name: doc.sealText };
  drawSeal(page, doc.sealLabel ? { ...seal, label: doc.sealLabel } : seal);
  flow.y = top - height;
}

/** Footnote on every page, and 第 n 页 共 m 页 when there is more than one. */
function drawPageFeet(flow: Flow): void {
  const { regular } = flow.fonts;
  const pages = flow.pdf.getPages();
  const note = flow.doc.footnote ?? DEFAULT_FOOTNOTE;
  const noteLines = wrapParagraph(note, CONTENT, (t) => textWidth('regular', t, SIZE.small));
  pages.forEach((page, index) => {
    page.drawLine({ start: { x: MARGIN_X, y: BOTTOM - 12 }, end: { x: MARGIN_X + CONTENT, y: BOTTOM - 12 }, thickness: 0.5, color: rgb(0.7, 0.7, 0.7) });
    noteLines.forEach((line, i) => {
      page.drawText(line.text, { x: (A4.width - line.width) / 2, y: BOTTOM - 26 - i * SIZE.small * 1.4, size: SIZE.small, font: regular, color: MUTED });
    });
    if (pages.length > 1) {
      const text = `第${index + 1}页 共${pages.length}页`;
      const width = textWidth('regular', text, SIZE.small);
      page.drawText(text, { x: (A4.width - width) / 2, y: 24, size: SIZE.small, font: regular, color: MUTED });
    }
  });
}

/** Draws one wrapped line; lines that do not end a paragraph are justified by character spacing. */
function drawLine(page: PDFPage, line: WrappedLine, x: number, y: number, width: number, size: number, font: PDFFont): void {
  const gaps = [...line.text].length - 1;
  const spacing = line.justify && gaps > 0 ? (width - line.width) / gaps : 0;
  // Stretch or squeeze only a little; a line with one long word stays ragged rather than gappy.
  drawSpaced(page, line.text, x, y, size, font, INK, Math.abs(spacing) <= size * 0.3 ? spacing : 0);
}

/** Draws text with extra space between characters (PDF Tc), which text extraction reads as one run. */
function drawSpaced(page: PDFPage, text: string, x: number, y: number, size: number, font: PDFFont, color: RGB, spacing: number): void {
  if (Math.abs(spacing) < 0.01) {
    page.drawText(text, { x, y, size, font, color });
    return;
  }
  page.pushOperators(pushGraphicsState(), setCharacterSpacing(Math.round(spacing * 1000) / 1000));
  page.drawText(text, { x, y, size, font, color });
  page.pushOperators(popGraphicsState());
}
