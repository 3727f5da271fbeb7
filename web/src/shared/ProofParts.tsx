import { DownloadOutlined, FilePdfOutlined } from '@ant-design/icons';
import { Button, Tag } from 'antd';
import { ApiError } from './api';
import type { Proof } from './contracts';
import { fill } from './format';
import { daysBetween, today } from './license-standing';
import { useProofWords } from './proof-messages';

/** Tag colours: green in force, grey past its last day, red revoked (撤销). */
export const PROOF_STATUS_COLORS: Record<Proof['status'], string> = { valid: 'green', expired: 'default', revoked: 'red' };

/**
 * Common purposes (用途) offered as one tap. The value is printed on the proof, which is a zh-CN
 * document, so it is the Chinese word in either language; only its label is translated.
 */
export const COMMON_PURPOSES = ['入学', '求职', '办理贷款', '租房', '出国（境）', '办理社保'] as const;

/** The proof's status as a coloured tag; a valid proof says how many days are left until its last day (as licences do). */
export function ProofStatusTag({ proof, className }: { proof: Pick<Proof, 'status' | 'validUntil'>; className?: string }) {
  const w = useProofWords();
  const left = proof.status === 'valid' ? daysBetween(today(), proof.validUntil) : null;
  const days = left === null ? null : left === 0 ? w.endsToday : fill(w.daysLeft, { n: left });
  return (
    <Tag color={PROOF_STATUS_COLORS[proof.status]} className={className} data-status={proof.status}>
      {w[`status.${proof.status}`]}
      {days ? ` · ${days}` : ''}
    </Tag>
  );
}

/**
 * The reason the server gave for not issuing a proof (HTTP 422, problem type `refused`), without the
 * "不能开具X：" it starts with; null for any other error, which is shown as an error.
 */
export function refusalReason(err: unknown): string | null {
  if (!(err instanceof ApiError) || err.status !== 422 || !err.problem?.type.endsWith(':refused')) return null;
  const detail = err.problem.detail ?? err.problem.title;
  return detail.replace(/^不能开具[^：]*：/, '');
}

/** `2026年3月1日`, as the proof prints its date. */
function chineseDate(ymd: string): string {
  const [y, m, d] = ymd.split('-');
  return `${y}年${Number(m)}月${Number(d)}日`;
}

/** The proof's text as printed (title, number, paragraphs, issuer and date), for reading on screen; the PDF adds the seal and QR code. */
export function ProofPaper({ proof }: { proof: Pick<Proof, 'typeName' | 'number' | 'paragraphs' | 'issuerName' | 'issuedOn'> }) {
  return (
    <article className="proof-paper" lang="zh-CN" data-testid="proof-paper">
      <h3>{proof.typeName}</h3>
      <p className="proof-paper-number">
        编号：<span className="mono">{proof.number}</span>
      </p>
      {proof.paragraphs.map((p, i) => (
        <p key={i} className="proof-paper-text">
          {p}
        </p>
      ))}
      <p className="proof-paper-sign">
        {proof.issuerName}
        <br />
        {chineseDate(proof.issuedOn)}
      </p>
    </article>
  );
}

/** The file name a downloaded proof PDF gets: its name and number, without characters file systems refuse. */
export function proofPdfFilename(proof: Pick<Proof, 'typeName' | 'number'>): string {
  return `${proof.typeName}-${proof.number}`.replace(/[\\/:*?"<>|\s]+/g, '_') + '.pdf';
}

/** Saves the proof's PDF (`href`: the staff or the portal route) or opens it in a new tab; the server renders it from the stored document. */
export function ProofPdfButtons({ href, proof, size, block }: { href: string; proof: Pick<Proof, 'typeName' | 'number'>; size?: 'middle' | 'large'; block?: boolean }) {
  const w = useProofWords();
  return (
    <>
      <Button type="primary" size={size} block={block} icon={<DownloadOutlined />} href={href} download={proofPdfFilename(proof)} data-testid="proof-pdf-download">
        {w.downloadPdf}
      </Button>
      <Button size={size} block={block} icon={<FilePdfOutlined />} href={href} target="_blank" rel="noopener" data-testid="proof-pdf-open">
        {w.openPdf}
      </Button>
    </>
  );
}
