import { sql } from 'drizzle-orm';
import { systemActor } from '../core/access/access.js';
import { contextFor, type Deps } from '../core/context.js';
import { queryRows } from '../core/db/database.js';
import { listAllDepartments } from '../registry/index.js';
import { LICENSE_TYPES } from './catalogue/license-types.data.js';
import { chinaDate } from './license-status.js';
import { issueLicense, endLicense, addYears } from './license.service.js';
import { seedLicenseTypes } from './license-type.service.js';
import { ensureSigningKeys } from './signing.service.js';

/** The licence catalogue and a signing key for every department. Idempotent. */
export async function seedLicensing(deps: Deps): Promise<{ types: number; keysCreated: number }> {
  const types = await seedLicenseTypes(deps);
  const departments = await listAllDepartments(deps.db);
  const keysCreated = await ensureSigningKeys(deps, departments.map((d) => d.id));
  return { types, keysCreated };
}

/** What each demo holder gets: organisations a business licence and one sector licence, persons an ID card and some more. */
const ORG_LICENSES = ['food_business_license', 'public_place_hygiene_license', 'road_transport_business_license', 'tobacco_retail_license', 'pollutant_discharge_permit', 'drug_business_license'];
const PERSON_LICENSES = ['driving_license', 'marriage_certificate', 'social_security_card', 'disability_certificate'];

/**
 * Demo licences for the demo subjects (first start only): each issued by the county counterpart of
 * the issuing line where one exists, with validity spread so that some are expiring soon, some have
 * expired and a few are revoked — what the reminder service and the wallet need to show.
 */
export async function seedDemoLicenses(deps: Deps, today = chinaDate(deps.clock.now())): Promise<number> {
  const [{ n } = { n: 0 }] = await queryRows<{ n: number | string }>(deps.db, sql`select count(*) as n from licenses`);
  if (Number(n) > 0) return 0;
  const departments = await listAllDepartments(deps.db);
  const byCode = new Map(departments.map((d) => [d.code, d.id]));
  const issuerFor = (line: string, regionCode: string) => byCode.get(`${regionCode.slice(0, 6)}-${line}`) ?? byCode.get(`430900-${line}`);
  const holders = await queryRows<{ id: string; kind: string; region_code: string; name: string }>(
    deps.db,
    // Both kinds: organisations get business and sector licences, persons certificates.
    sql`(select id, kind, region_code, name from subjects where kind = 'organization' order by id limit 80)
        union all (select id, kind, region_code, name from subjects where kind = 'person' order by id limit 220)`,
  );
  const ctx = contextFor(deps, systemActor);
  const typeByCode = new Map(LICENSE_TYPES.map((t) => [t.code, t]));
  let issued = 0;
  for (const [i, holder] of holders.entries()) {
    const codes = holder.kind === 'organization' ? ['business_license', ORG_LICENSES[i % ORG_LICENSES.length] ?? ''] : ['resident_id_card', ...(i % 3 === 0 ? [PERSON_LICENSES[i % PERSON_LICENSES.length] ?? ''] : [])];
    for (const code of codes) {
      const type = typeByCode.get(code);
      const issuer = type ? issuerFor(type.issuingLine, holder.region_code) : undefined;
      if (!type || !issuer) continue;
      // Spread the end dates from 40 days ago to about 15 months ahead.
      const years = type.validity.kind === 'years' ? type.validity.years : 5;
      const offsetDays = ((i * 37) % 460) - 40;
      const end = new Date(`${today}T00:00:00Z`);
      end.setUTCDate(end.getUTCDate() + offsetDays);
      const validUntil = end.toISOString().slice(0, 10);
      const validFrom = nextDay(addYears(nextDay(validUntil), -years)); // so that validFrom + years − 1 day = validUntil
      const license = await issueLicense(ctx, {
        typeCode: code,
        holderId: holder.id,
        issuerDepartmentId: issuer,
        validFrom,
        ...(type.validity.kind === 'years' ? { validUntil } : {}),
        fields: demoFields(code, holder.name),
        disclosure: type.fields.slice(0, 2).map((f) => f.key),
      });
      issued += 1;
      if (i % 29 === 7 && code !== 'business_license' && code !== 'resident_id_card') {
        await endLicense(ctx, license.id, 'revoked', '演示：经营期间存在严重违法行为，依法吊销');
      }
    }
  }
  return issued;
}

function nextDay(ymd: string): string {
  const d = new Date(`${ymd}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** Plausible 照面信息 for a demo licence (marked as demo data where it names places). */
function demoFields(code: string, holderName: string): Record<string, string> {
  switch (code) {
    case 'business_license':
      return { address: '湖南省益阳市（示例地址）', legalRepresentative: '示例', registeredCapital: '人民币伍拾万元整', scope: '一般项目：食品销售；日用百货销售（依法须经批准的项目，经相关部门批准后方可开展经营活动）' };
    case 'food_business_license':
      return { premises: '湖南省益阳市（示例地址）', mainBusiness: '餐饮服务经营者（小型餐馆）', items: '热食类食品制售' };
    case 'public_place_hygiene_license':
      return { premises: '湖南省益阳市（示例地址）', items: '住宿' };
    case 'road_transport_business_license':
      return { address: '湖南省益阳市（示例地址）', scope: '道路普通货物运输' };
    case 'tobacco_retail_license':
      return { premises: '湖南省益阳市（示例地址）', manager: holderName.slice(0, 4) };
    case 'driving_license':
      return { class: 'C1' };
    case 'marriage_certificate':
      return { spouse: '（示例）', registeredOn: '2015-10-01' };
    case 'social_security_card':
      return { cardNumber: 'M' + String(holderName.length * 1234567).padStart(8, '0') };
    case 'disability_certificate':
      return { category: '肢体残疾', grade: '三级' };
    case 'resident_id_card':
      return { address: '湖南省益阳市（示例地址）' };
    default:
      return {};
  }
}
