import { ExportOutlined } from '@ant-design/icons';
import { Button, Card, Col, Descriptions, Row, Space, type DescriptionsProps } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Proof } from '../shared/contracts';
import { fill } from '../shared/format';
import { ProofPaper, ProofPdfButtons, ProofStatusTag } from '../shared/ProofParts';
import { useProofWords } from '../shared/proof-messages';
import { QrCode } from '../shared/QrCode';

/**
 * One proof as staff see it: its particulars, the facts it states, the QR code of its public page
 * with the PDF to open or save, and its text as printed. `extra` adds rows to the particulars,
 * `children` cards after the text.
 */
export function ProofOverview({ proof, extra = [], children }: { proof: Proof; extra?: NonNullable<DescriptionsProps['items']>; children?: ReactNode }) {
  const w = useProofWords();
  const pdf = `/api/v1/proofs/${proof.id}/pdf`;
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={16}>
        <Card title={<h2 className="card-title">{w.details}</h2>} data-testid="proof-detail">
          <Descriptions
            column={{ xs: 1, md: 2 }}
            bordered
            size="small"
            className="nowrap-labels"
            items={[
              { key: 'type', label: w.typeName, children: proof.typeName },
              { key: 'number', label: w.number, children: <span className="mono">{proof.number}</span> },
              { key: 'holder', label: w.holder, children: (
                  <Link to={`/subjects/${proof.holderId}`} state={{ purpose: fill(w.holderReadPurpose, { name: proof.typeName, number: proof.number }) }}>
                    {proof.holderName}
                  </Link>
                ),
              },
              { key: 'holderCode', label: w.holderCode, children: <span className="mono">{proof.holderCode}</span> },
              { key: 'issuer', label: w.issuer, children: proof.issuerName },
              { key: 'issuedOn', label: w.issuedOn, children: proof.issuedOn },
              { key: 'validity', label: w.validity, children: fill(w.validityRange, { from: proof.issuedOn, until: proof.validUntil }) },
              { key: 'status', label: w.status, children: <ProofStatusTag proof={proof} /> },
              ...(proof.statusReason ? [{ key: 'reason', label: w.statusReason, span: 'filled' as const, children: proof.statusReason }] : []),
              { key: 'purpose', label: w.purpose, children: proof.purpose },
              { key: 'summary', label: w.summary, children: proof.summary },
              ...extra,
              { key: 'identifier', label: w.identifier, span: 'filled' as const, children: <span className="mono">{proof.identifier}</span> },
            ]}
          />
          <h3 className="section-title">{w.facts}</h3>
          <Descriptions column={1} bordered size="small" className="nowrap-labels" items={proof.fields.map((f) => ({ key: f.key, label: f.label, children: f.value }))} data-testid="proof-facts" />
        </Card>
      </Col>
      <Col xs={24} lg={8}>
        <Card title={<h2 className="card-title">{w.qrTitle}</h2>} className="qr-card">
          <QrCode value={`${window.location.origin}${proof.verificationUrl}`} size={180} label={w.qrAlt} testId="proof-qr" />
          <div className="qr-caption">
            {w.verificationCode} <span className="mono" data-testid="verification-code">{proof.verificationCode}</span>
          </div>
          <Space orientation="vertical" style={{ width: '100%' }}>
            <ProofPdfButtons href={pdf} proof={proof} block />
            <Button block icon={<ExportOutlined />} href={proof.verificationUrl} target="_blank" rel="noopener" data-testid="public-page-link">
              {w.openPublicPage}
            </Button>
          </Space>
        </Card>
      </Col>
      <Col xs={24}>
        <Card title={<h2 className="card-title">{w.paperTitle}</h2>}>
          <p className="subtle">{w.paperNote}</p>
          <ProofPaper proof={proof} />
        </Card>
      </Col>
      {children}
    </Row>
  );
}
