import { idNumberCheckChar } from '../../core/ids/id-number.js';
import { USCC_ALPHABET, organizationCodeCheckChar, usccCheckChar } from '../../core/ids/uscc.js';
import type { SubjectInput } from '../subject.service.js';
import { COUNTIES } from './yiyang-departments.js';

/**
 * Synthetic subjects for the demo, tests and benchmarks: valid ID numbers and USCCs spread over
 * Yiyang's townships, generated from an index so that the same index always gives the same
 * subject (re-seeding is idempotent) and different indexes never collide.
 */

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建文辉力斌波宁浩凯鹏飞宇欣怡梓涵子轩雨泽思远佳琪晨阳俊熙诗琪嘉怡梦瑶志强海燕春梅立新国庆德华秋菊';
const ORG_WORDS = ['兴旺', '益康', '资江', '洞庭', '桃花', '安澜', '沅水', '湘韵', '竹海', '茶乡', '福瑞', '鼎盛', '恒信', '华泰', '金穗', '银城', '梅山', '南洲', '明德', '嘉禾'];
const ORG_TRADES = ['食品', '农业', '建材', '物流', '竹木制品', '茶业', '医药', '商贸', '餐饮', '建筑工程', '运输', '科技', '服装', '水产养殖', '家居'];
const ORG_FORMS = ['有限公司', '有限责任公司', '专业合作社', '商行', '股份有限公司'];

/** Functional zones have no GB/T 2260 code; their residents' numbers carry the parent district's. */
const ADDRESS_CODE_OF_ZONE: Record<string, string> = { '430971': '430921', '430972': '430903' };

/** The address code an ID number or USCC of someone registered in this region carries. */
export function addressCodeFor(regionCode: string): string {
  const county = regionCode.slice(0, 6);
  return ADDRESS_CODE_OF_ZONE[county] ?? county;
}

const DAYS = 25_567; // 1940-01-01 … 2009-12-31
const EPOCH = Date.UTC(1940, 0, 1);

/** A mixing step so neighbouring indexes land on unrelated names, days and places. */
function mix(i: number, salt: number): number {
  let x = (i + 1) * 2_654_435_761 + salt * 40_503;
  x = Math.imul(x ^ (x >>> 15), 2_246_822_519);
  x = Math.imul(x ^ (x >>> 13), 3_266_489_917);
  return (x ^ (x >>> 16)) >>> 0;
}

/** Regions grouped by the address code their residents' ID numbers carry. */
export interface SyntheticPlaces {
  groups: { addressCode: string; regionCodes: string[] }[];
  all: string[];
}

/** Groups the regions that synthetic subjects may live in (townships, villages) by address code. */
export function syntheticPlaces(regionCodes: readonly string[]): SyntheticPlaces {
  const byCode = new Map<string, string[]>();
  for (const code of regionCodes) {
    const a = addressCodeFor(code);
    byCode.set(a, [...(byCode.get(a) ?? []), code]);
  }
  return { groups: [...byCode].map(([addressCode, codes]) => ({ addressCode, regionCodes: codes })), all: [...regionCodes] };
}

/**
 * The i-th synthetic person. Uniqueness: i picks (address code, birth day, sequence) as mixed-radix
 * digits, so indexes below codes × 25,567 × 1,000 (~1.5 × 10^8 for Yiyang) never share an ID number.
 */
export function syntheticPerson(i: number, places: SyntheticPlaces): SubjectInput {
  const group = places.groups[i % places.groups.length];
  if (!group) throw new Error('no places to put synthetic persons in');
  const rest = Math.floor(i / places.groups.length);
  // Both maps are bijections (7919 is coprime to 25,567 and 7 to 1,000), so no two indexes meet,
  // while neighbouring indexes get scattered birth days and both sexes (odd = male, even = female).
  const day = (rest * 7919) % DAYS;
  const seq = ((Math.floor(rest / DAYS) % 1000) * 7 + day) % 1000;
  const birth = new Date(EPOCH + day * 86_400_000).toISOString().slice(0, 10).replace(/-/g, '');
  const first17 = `${group.addressCode}${birth}${String(seq).padStart(3, '0')}`;
  const name = pick(SURNAMES, mix(i, 2)) + pick(GIVEN, mix(i, 3)) + (mix(i, 4) % 3 === 0 ? '' : pick(GIVEN, mix(i, 5)));
  return {
    kind: 'person',
    name,
    idNumber: first17 + idNumberCheckChar(first17),
    phone: `1${'3578'[mix(i, 6) % 4]}${String(i % 1_000_000_000).padStart(9, '0')}`,
    regionCode: group.regionCodes[mix(i, 1) % group.regionCodes.length] ?? group.addressCode.padEnd(12, '0'),
  };
}

/** The i-th synthetic organisation (企业 or 合作社, registered with 市场监管), with a valid USCC. */
export function syntheticOrganization(i: number, places: SyntheticPlaces): SubjectInput {
  const regionCode = places.all[mix(i, 14) % places.all.length] ?? '430902005000';
  const form = ORG_FORMS[mix(i, 7) % ORG_FORMS.length] ?? '有限公司';
  const category = form === '专业合作社' ? '3' : form === '商行' ? '2' : '1';
  // Organisation code MA4 + five base-31 digits of i + GB 11714 check: unique up to 31^5 ≈ 28.6M.
  let n = i;
  let body = '';
  for (let k = 0; k < 5; k++) {
    body = (USCC_ALPHABET[n % 31] ?? '0') + body;
    n = Math.floor(n / 31);
  }
  const org8 = `MA4${body}`;
  const first17 = `9${category}${addressCodeFor(regionCode)}${org8}${organizationCodeCheckChar(org8)}`;
  const county = COUNTIES.find((c) => regionCode.startsWith(c.code.slice(0, 6)))?.short ?? '益阳';
  return {
    kind: 'organization',
    name: `${county}${ORG_WORDS[mix(i, 8) % ORG_WORDS.length]}${ORG_TRADES[mix(i, 9) % ORG_TRADES.length]}${form}`,
    uscc: first17 + usccCheckChar(first17),
    legalRepresentative: pick(SURNAMES, mix(i, 10)) + pick(GIVEN, mix(i, 11)) + pick(GIVEN, mix(i, 12)),
    phone: `1${'3589'[mix(i, 13) % 4]}${String((i * 7 + 3) % 1_000_000_000).padStart(9, '0')}`,
    regionCode,
  };
}

function pick(chars: string, n: number): string {
  return chars[n % chars.length] ?? '';
}
