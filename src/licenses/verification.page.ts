/** The public page a document's QR code opens (/v/{code}): server-rendered, no script, readable on a phone. */

/** What a public page may show of a licence or proof: nothing the holder did not agree to. */
export type PublicDocumentView = {
  kind: 'license' | 'proof';
  name: string;
  number: string;
  holderName: string;
  issuerName: string;
  issuedOn: string;
  validFrom: string;
  validUntil: string | null;
  status: string;
  statusLabel: string;
  fields: { label: string; value: string }[];
};

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const TONE: Record<string, string> = { valid: '#237804', expired: '#8c8c8c', superseded: '#ad6800', revoked: '#a8071a', cancelled: '#a8071a', withdrawn: '#a8071a' };

/** Renders the page; `view` undefined means no document has this code. */
export function renderVerificationPage(code: string, view: PublicDocumentView | undefined, now: Date): string {
  const checkedAt = new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
  const rows = view
    ? [
        ['文件名称', view.name],
        [view.kind === 'license' ? '证照编号' : '证明编号', view.number],
        [view.kind === 'license' ? '持证主体' : '证明对象', view.holderName],
        ['颁发机构', view.issuerName],
        ['颁发日期', view.issuedOn],
        ['有效期', `${view.validFrom} 至 ${view.validUntil ?? '长期'}`],
        ...view.fields.map((f) => [f.label, f.value] as [string, string]),
      ]
    : [];
  const body = view
    ? `<p class="status" style="background:${TONE[view.status] ?? '#595959'}">${escapeHtml(view.statusLabel)}</p>
       <table>${rows.map(([k, v]) => `<tr><th scope="row">${escapeHtml(k ?? '')}</th><td>${escapeHtml(v ?? '')}</td></tr>`).join('')}</table>
       <p class="note">本页只显示持证人同意公开的信息。核验文件本身是否被篡改，请将签名文档提交至 <code>POST /api/v1/verify</code>。</p>`
    : `<p class="status" style="background:#a8071a">未找到</p><p>核验码 ${escapeHtml(code)} 不对应任何证照或证明，请核对后重试。</p>`;
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${view ? escapeHtml(view.name) : '未找到'} · 电子证照核验</title>
<style>
 body{margin:0;font-family:"PingFang SC","Microsoft YaHei","Noto Sans CJK SC","WenQuanYi Micro Hei",sans-serif;background:#f5f5f5;color:#1f1f1f;font-size:17px;line-height:1.6}
 main{max-width:640px;margin:0 auto;padding:24px 16px}
 h1{font-size:22px;margin:0 0 4px} .sub{color:#595959;margin:0 0 16px;font-size:15px}
 .status{color:#fff;font-size:20px;font-weight:600;text-align:center;padding:12px;border-radius:8px;margin:0 0 16px}
 table{width:100%;border-collapse:collapse;background:#fff;border-radius:8px;overflow:hidden}
 th,td{padding:10px 12px;border-bottom:1px solid #f0f0f0;text-align:left;vertical-align:top}
 th{width:7em;color:#595959;font-weight:normal;white-space:nowrap} .note{color:#595959;font-size:14px;margin-top:16px}
</style></head>
<body><main>
<h1>电子证照 · 证明核验</h1><p class="sub">核验码 ${escapeHtml(code)} · 核验时间 ${checkedAt}（北京时间）</p>
${body}
</main></body></html>`;
}
