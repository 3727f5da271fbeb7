import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '../../core/errors.js';
import { hasTool, pdfText, popplerTools, qrOnPage } from '../../test/pdf-tools.js';
import { renderDocumentPdf, validityText } from './document.render.js';
import { sampleFoodLicense, sampleResidenceProof } from './document.samples.js';
import { formatChineseDate, type PrintableDocument } from './printable-document.js';


const dir = mkdtempSync(join(tmpdir(), 'mz-pdf-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const { pdftotext: hasPdftotext, pdftoppm: hasPdftoppm } = popplerTools('PDF rendering');

const save = (name: string, bytes: Uint8Array) => {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
};
const pdftotext = pdfText;
const squeeze = (s: string) => s.replace(/\s+/g, '');

/** A proof long enough to need a second page, with the punctuation and mixed scripts real proofs carry. */
function longProof(): PrintableDocument {
  return sampleResidenceProof({
    title: '社会保险参保缴费证明',
    holder: [
      ...sampleResidenceProof().holder,
      { label: '参保单位', value: '益阳市赫山区龙岭工业园示例电子科技有限公司（统一社会信用代码91430903MA4L123456）' },
      { label: '险种', value: '企业职工基本养老保险、失业保险、工伤保险、职工基本医疗保险（含生育保险）' },
    ],
    paragraphs: [
      '兹证明张晓梅同志自2012年7月起在益阳市参加企业职工基本养老保险，截至2025年4月累计缴费年限为12年10个月，其中实际缴费154个月、视同缴费0个月，缴费状态为“正常参保”，无欠费、补缴或中断缴费记录。',
      '根据《中华人民共和国社会保险法》第五十九条和《湖南省企业职工基本养老保险条例》的规定，用人单位应当自行申报、按时足额缴纳社会保险费；职工应当缴纳的社会保险费由用人单位代扣代缴，并按月将缴纳明细告知本人。',
      '该同志2024年度月缴费基数为人民币6,842元，单位缴费比例16%，个人缴费比例8%；失业保险单位0.7%、个人0.3%；工伤保险按行业风险类别执行0.4%的基准费率；职工基本医疗保险单位8.7%、个人2%，均已按月足额到账。',
      '本证明所列信息来源于益阳市社会保险经办机构业务系统，由系统根据申请人授权自动生成，可用于办理居住证积分、子女入学、购房资格审核、人才引进、职称评审等事项。因系统数据更新存在时间差，证明内容以开具当日系统记录为准。',
      '如对上述参保缴费信息有异议，请携带本人有效身份证件到参保地社会保险经办机构服务窗口申请核查，或拨打12333人力资源和社会保障服务热线咨询；经核实确有错误的，经办机构将在15个工作日内予以更正。',
      '任何单位和个人不得伪造、变造本证明，不得利用本证明从事违法活动……违者将依照《中华人民共和国治安管理处罚法》等法律法规追究法律责任——构成犯罪的，依法追究刑事责任。',
      '请核验单位通过扫描本证明左下方的二维码，或登录益阳市“一网通办”政务服务平台输入核验码，核对证明内容与系统记录是否一致。本证明在有效期内可多次核验，核验结果以平台显示为准。',
      '特此证明。',
    ],
    issuer: '益阳市社会劳动保险管理服务中心',
    sealText: '益阳市社会劳动保险管理服务中心',
  });
}

/** Every string the page must print, as the reader should get it back. */
function expectedStrings(doc: PrintableDocument): string[] {
  return [
    `编号：${doc.number}`, doc.title, ...doc.holder.flatMap((h) => [h.label, h.value]), ...doc.paragraphs, validityText(doc),
    doc.issuer, formatChineseDate(doc.issuedOn), `核验码：${doc.verificationCode}`, `扫码或访问${doc.verificationUrl}核验`,
  ];
}

describe('renderDocumentPdf', () => {
  it('renders a two-page proof whose every Chinese string comes back exactly through pdftotext (ToUnicode)', async (ctx) => {
    if (!hasPdftotext) return ctx.skip();
    const doc = longProof();
    const bytes = await renderDocumentPdf(doc);
    const text = pdftotext(save('long.pdf', bytes));
    const pages = text.split('\f').filter((p) => p.trim());
    expect(pages).toHaveLength(2);
    expect(text).not.toContain('\uFFFD');
    // Page furniture (编号 on each page, the footnote, 第n页 共m页) sits between the lines of a
    // paragraph that crosses a page break: take it out, then the text must read straight through.
    const footnote = '本文件为电子文件，经签发部门电子签名，与纸质文件具有同等效力；可扫描二维码或凭核验码在线核验真伪。';
    let flat = squeeze(text);
    expect(flat.split(squeeze(footnote))).toHaveLength(3);
    for (const furniture of [`编号：${doc.number}`, footnote, '第1页共2页', '第2页共2页']) flat = flat.split(squeeze(furniture)).join('');
    for (const s of expectedStrings(doc).slice(1)) expect(flat).toContain(squeeze(s));
    // Nothing else: no stray glyphs, and the seal's lettering is artwork, not text.
    const allowed = new Set(squeeze(expectedStrings(doc).join('')));
    expect([...flat].filter((ch) => !allowed.has(ch))).toEqual([]);
    expect(flat).not.toContain(doc.sealLabel);
    expect(flat.split(doc.issuer)).toHaveLength(2);
  });

  it('renders a licence with a validity period and the holder table only', async (ctx) => {
    if (!hasPdftotext) return ctx.skip();
    const doc = sampleFoodLicense();
    const flat = squeeze(pdftotext(save('licence.pdf', await renderDocumentPdf(doc))));
    for (const s of expectedStrings(doc)) expect(flat).toContain(squeeze(s));
    expect(flat).toContain('有效期限：2025年5月22日至2030年5月21日');
  });

  it('puts a QR code on the page that decodes to the verification URL', async (ctx) => {
    if (!hasPdftoppm) return ctx.skip();
    for (const doc of [sampleResidenceProof(), longProof()]) {
      const path = save('qr.pdf', await renderDocumentPdf(doc));
      const pageCount = doc.paragraphs.length > 3 ? 2 : 1;
      expect(qrOnPage(path, pageCount, dir)).toBe(doc.verificationUrl);
    }
  });

  it('embeds subsets of the font and stays small', async (ctx) => {
    const bytes = await renderDocumentPdf(sampleResidenceProof());
    expect(bytes.length).toBeLessThan(60 * 1024);
    const head = Buffer.from(bytes.subarray(0, 8)).toString('latin1');
    expect(head).toBe('%PDF-1.7');
    if (!hasTool('pdffonts')) return ctx.skip();
    const fonts = execFileSync('pdffonts', [save('fonts.pdf', bytes)]).toString();
    // name, type, encoding, embedded, subset, ToUnicode
    expect(fonts).toMatch(/MZPDFR\+NotoSerifSC-Regular\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/);
    expect(fonts).toMatch(/MZPDFB\+NotoSerifSC-Bold\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/);
  });

  it('renders documents concurrently to the same bytes as one at a time (the shared font parse is safe)', async () => {
    const docs = Array.from({ length: 6 }, (_, i) => (i % 2 ? sampleFoodLicense : sampleResidenceProof)({ verificationCode: `C${i}`, verificationUrl: `http://localhost:3000/v/C${i}` }));
    const together = await Promise.all(docs.map((d) => renderDocumentPdf(d)));
    for (const [i, doc] of docs.entries()) {
      expect(Buffer.from(await renderDocumentPdf(doc)).equals(Buffer.from(together[i] ?? new Uint8Array()))).toBe(true);
    }
  });

  it('gives the same bytes for the same document', async () => {
    const a = await renderDocumentPdf(sampleResidenceProof());
    const b = await renderDocumentPdf(sampleResidenceProof());
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it('prints 长期 for a document without expiry', async (ctx) => {
    expect(validityText({ validUntil: null })).toBe('有效期：长期');
    expect(validityText({ validFrom: '2025-01-01', validUntil: null })).toBe('有效期限：2025年1月1日起长期有效');
    if (!hasPdftotext) return ctx.skip();
    const flat = squeeze(pdftotext(save('permanent.pdf', await renderDocumentPdf(sampleResidenceProof({ validUntil: null })))));
    expect(flat).toContain('有效期：长期');
  });

  it('refuses characters the font cannot draw instead of printing empty boxes', async () => {
    const error = await renderDocumentPdf(sampleResidenceProof({ holder: [{ label: '姓名', value: '张\u{2B820}\u{1F600}' }] })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('invalid');
    expect((error as AppError).message).toContain('\u{1F600}');
  });

  it('refuses a document with missing fields or impossible dates, naming each', async () => {
    const error = await renderDocumentPdf(sampleResidenceProof({ title: ' ', issuedOn: '2025-02-30', validUntil: '2025/08/22', verificationUrl: 'localhost/v/1' })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).errors.map((e) => e.field).sort()).toEqual(['issuedOn', 'title', 'validUntil', 'verificationUrl']);
  });

  it('writes test-results/sample-proof.pdf to look at', async () => {
    mkdirSync('test-results', { recursive: true });
    writeFileSync('test-results/sample-proof.pdf', await renderDocumentPdf(sampleResidenceProof()));
    writeFileSync('test-results/sample-license.pdf', await renderDocumentPdf(sampleFoodLicense()));
    writeFileSync('test-results/sample-proof-long.pdf', await renderDocumentPdf(longProof()));
  });
});
