import { describe, expect, it } from 'vitest';
import { demoOrganizationRecords, demoPersonRecords, type DataRecordInput, type DataRecordSet, type DemoPlace, type DemoSubject } from '../../exchange/index.js';
import { PROOF_TYPES } from './proof-types.data.js';

const TODAY = '2026-03-01';
const TOWN: DemoPlace = { path: '湖南省益阳市赫山区赫山街道', county: '益阳市赫山区', village: false };
const VILLAGE: DemoPlace = { path: '湖南省益阳市桃江县桃花江镇桃花江镇示例一村（示例）', county: '桃江县', village: true };

/** The records as findRecords would give them. */
function recordSet(records: DataRecordInput[]): DataRecordSet {
  return Object.fromEntries(records.map((r) => [r.resourceCode, { resourceCode: r.resourceCode, holdingLine: 'x', facts: r.facts, updatedAt: new Date(0) }])) as DataRecordSet;
}

describe('the demo data', () => {
  it('lets the demo show every proof type both issued and refused', () => {
    const persons: DemoSubject[] = Array.from({ length: 400 }, (_, i) => ({
      id: `p${i}`, kind: 'person', name: `示例${i}`, sex: i % 2 ? 'male' : 'female',
      birthDate: `${1940 + (i % 70)}-${String(1 + (i % 12)).padStart(2, '0')}-15`, idNumberMasked: `430903********${String(i).padStart(4, '0')}`, uscc: null, regionCode: '430903001000',
    }));
    const organizations: DemoSubject[] = Array.from({ length: 80 }, (_, i) => ({
      id: `o${i}`, kind: 'organization', name: `示例${['食品', '茶业', '物流'][i % 3]}${i}`, sex: null, birthDate: null, idNumberMasked: null,
      uscc: `9${'123'[i % 3]}430903MA4L${String(i).padStart(5, '0')}X`, regionCode: '430903001000',
    }));
    const sets = [
      ...persons.map((s, i) => ({ kind: 'person' as const, holder: s, records: recordSet(demoPersonRecords(s, i % 4 ? TOWN : VILLAGE, TODAY)) })),
      ...organizations.map((s) => ({ kind: 'organization' as const, holder: s, records: recordSet(demoOrganizationRecords(s, TOWN, TODAY)) })),
    ];
    const tally: Record<string, { issued: number; refused: number }> = {};
    for (const type of PROOF_TYPES) {
      const t = (tally[type.code] = { issued: 0, refused: 0 });
      for (const { kind, holder, records } of sets) {
        if (!type.holderKinds.includes(kind)) continue;
        const outcome = type.rule({ holder: { kind, name: holder.name, sex: holder.sex === 'male' ? 'male' : holder.sex === 'female' ? 'female' : null, birthDate: holder.birthDate, regionCode: holder.regionCode, legalRepresentative: '示例' }, records, today: TODAY });
        if (outcome.issue) t.issued += 1;
        else t.refused += 1;
      }
    }
    // 婚姻状况证明 states whatever the record says (未婚 without one); 市场主体登记证明 is refused only
    // to an organisation the market regulator never registered, and every demo organisation is a business.
    const neverRefuses = new Set(['marital_status', 'market_entity_registration']);
    for (const [code, t] of Object.entries(tally)) {
      expect(t.issued, `${code} issued`).toBeGreaterThan(0);
      if (!neverRefuses.has(code)) expect(t.refused, `${code} refused`).toBeGreaterThan(0);
    }
  });
});
