import { Alert, Card, Descriptions, Tag, Typography } from 'antd';
import { formatTime } from '../../shared/format';
import { useMessages } from '../messages';
import { usePortalSession } from '../portal-session';

/** 我的信息: the subjects registered with the logged-in number, masked. */
export default function MyInfoPage() {
  const t = useMessages();
  const { me } = usePortalSession();
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: '1.4em' }}>
        {t.myInfo}
      </Typography.Title>
      <Alert type="info" showIcon title={t.maskedNote} style={{ marginBottom: 16 }} />
      {me.subjects.map((s) => (
        <Card
          key={s.id}
          className="subject-card"
          data-testid="my-subject"
          title={
            <span>
              {s.name} <Tag color={s.kind === 'person' ? 'blue' : 'gold'}>{s.kind === 'person' ? t.person : t.organization}</Tag>
            </span>
          }
        >
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={s.kind === 'person' ? t.idNumber : t.uscc}>
              <span className="mono">{s.idNumber ?? s.uscc}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t.phone}>
              <span className="mono">{s.phone ?? '—'}</span>
            </Descriptions.Item>
            {s.kind === 'person' ? (
              <>
                <Descriptions.Item label={t.sex}>{s.sex === 'male' ? t.male : s.sex === 'female' ? t.female : '—'}</Descriptions.Item>
                <Descriptions.Item label={t.birthDate}>{s.birthDate ?? '—'}</Descriptions.Item>
              </>
            ) : (
              <Descriptions.Item label={t.legalRepresentative}>{s.legalRepresentative ?? '—'}</Descriptions.Item>
            )}
            <Descriptions.Item label={t.region}>
              <span className="mono">{s.regionCode}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t.registeredAt}>{formatTime(s.createdAt)}</Descriptions.Item>
          </Descriptions>
        </Card>
      ))}
    </>
  );
}
