import { organizationCodeCheckChar, usccCheckChar } from '../../core/ids/uscc.js';

/**
 * Yiyang's departments: the municipal departments by their real names, their county-level
 * counterparts, and a service centre (便民服务中心) in every township. Unified social credit codes
 * are generated demo values (valid per GB 32100, not the real ones; see reference/README.md).
 */

/** Department kinds (机构类别); see docs/glossary.md. */
export const DEPARTMENT_KINDS = [
  'constituent', // 政府工作部门
  'special', // 直属特设机构 (国资委)
  'administered', // 部门管理机构
  'institution', // 事业单位
  'vertical', // 垂直管理机构 (税务, 烟草, 消防)
  'party', // 党委工作机关
  'mass_organization', // 群团组织
  'military', // 军事机关 that are also the government's 兵役机关 (军分区, 人民武装部)
] as const;
export type DepartmentKind = (typeof DEPARTMENT_KINDS)[number];

interface MunicipalDepartment {
  line: string;
  name: string;
  shortName: string;
  kind: DepartmentKind;
  /** How the county-level counterpart is named; absent when counties have none. */
  county?: 'bureau' | 'branch' | 'tax';
}

/** Municipal departments of 益阳市 (after the 2019 institutional reform, with the 2024 数据局). */
export const MUNICIPAL_DEPARTMENTS: readonly MunicipalDepartment[] = [
  { line: 'general_office', name: '益阳市人民政府办公室', shortName: '市政府办', kind: 'constituent', county: 'bureau' },
  { line: 'development_reform', name: '益阳市发展和改革委员会', shortName: '市发改委', kind: 'constituent', county: 'bureau' },
  { line: 'education', name: '益阳市教育局', shortName: '市教育局', kind: 'constituent', county: 'bureau' },
  { line: 'science_technology', name: '益阳市科学技术局', shortName: '市科技局', kind: 'constituent' },
  { line: 'industry_it', name: '益阳市工业和信息化局', shortName: '市工信局', kind: 'constituent', county: 'bureau' },
  { line: 'public_security', name: '益阳市公安局', shortName: '市公安局', kind: 'constituent', county: 'branch' },
  { line: 'civil_affairs', name: '益阳市民政局', shortName: '市民政局', kind: 'constituent', county: 'bureau' },
  { line: 'justice', name: '益阳市司法局', shortName: '市司法局', kind: 'constituent', county: 'bureau' },
  { line: 'finance', name: '益阳市财政局', shortName: '市财政局', kind: 'constituent', county: 'bureau' },
  { line: 'human_resources_social_security', name: '益阳市人力资源和社会保障局', shortName: '市人社局', kind: 'constituent', county: 'bureau' },
  { line: 'natural_resources', name: '益阳市自然资源和规划局', shortName: '市自然资源和规划局', kind: 'constituent', county: 'branch' },
  { line: 'ecology_environment', name: '益阳市生态环境局', shortName: '市生态环境局', kind: 'constituent', county: 'branch' },
  { line: 'housing_construction', name: '益阳市住房和城乡建设局', shortName: '市住建局', kind: 'constituent', county: 'bureau' },
  { line: 'transport', name: '益阳市交通运输局', shortName: '市交通运输局', kind: 'constituent', county: 'bureau' },
  { line: 'water_resources', name: '益阳市水利局', shortName: '市水利局', kind: 'constituent', county: 'bureau' },
  { line: 'agriculture_rural', name: '益阳市农业农村局', shortName: '市农业农村局', kind: 'constituent', county: 'bureau' },
  { line: 'commerce', name: '益阳市商务局', shortName: '市商务局', kind: 'constituent', county: 'bureau' },
  { line: 'culture_tourism', name: '益阳市文化旅游广电体育局', shortName: '市文旅广体局', kind: 'constituent', county: 'bureau' },
  { line: 'health', name: '益阳市卫生健康委员会', shortName: '市卫健委', kind: 'constituent', county: 'bureau' },
  { line: 'veterans_affairs', name: '益阳市退役军人事务局', shortName: '市退役军人事务局', kind: 'constituent', county: 'bureau' },
  { line: 'emergency_management', name: '益阳市应急管理局', shortName: '市应急管理局', kind: 'constituent', county: 'bureau' },
  { line: 'audit', name: '益阳市审计局', shortName: '市审计局', kind: 'constituent', county: 'bureau' },
  { line: 'state_assets', name: '益阳市人民政府国有资产监督管理委员会', shortName: '市国资委', kind: 'special', county: 'bureau' },
  { line: 'market_regulation', name: '益阳市市场监督管理局', shortName: '市市场监管局', kind: 'constituent', county: 'bureau' },
  { line: 'statistics', name: '益阳市统计局', shortName: '市统计局', kind: 'constituent', county: 'bureau' },
  { line: 'healthcare_security', name: '益阳市医疗保障局', shortName: '市医保局', kind: 'constituent', county: 'bureau' },
  { line: 'forestry', name: '益阳市林业局', shortName: '市林业局', kind: 'constituent', county: 'bureau' },
  { line: 'urban_management', name: '益阳市城市管理和综合执法局', shortName: '市城管执法局', kind: 'constituent', county: 'bureau' },
  { line: 'petitions', name: '益阳市信访局', shortName: '市信访局', kind: 'administered', county: 'bureau' },
  { line: 'data', name: '益阳市数据局', shortName: '市数据局', kind: 'administered', county: 'bureau' },
  { line: 'government_services', name: '益阳市政务服务中心', shortName: '市政务服务中心', kind: 'institution', county: 'bureau' },
  { line: 'housing_provident_fund', name: '益阳市住房公积金管理中心', shortName: '市公积金中心', kind: 'institution', county: 'branch' },
  { line: 'public_resources_trading', name: '益阳市公共资源交易中心', shortName: '市公共资源交易中心', kind: 'institution' },
  { line: 'supervision', name: '中共益阳市委督查室', shortName: '市委督查室', kind: 'party', county: 'bureau' },
  { line: 'taxation', name: '国家税务总局益阳市税务局', shortName: '市税务局', kind: 'vertical', county: 'tax' },
  { line: 'tobacco', name: '益阳市烟草专卖局', shortName: '市烟草专卖局', kind: 'vertical', county: 'bureau' },
  { line: 'fire_rescue', name: '益阳市消防救援支队', shortName: '市消防救援支队', kind: 'vertical', county: 'bureau' },
  { line: 'disabled_persons', name: '益阳市残疾人联合会', shortName: '市残联', kind: 'mass_organization', county: 'bureau' },
];

/** County-level divisions: their name, whether a district of the city, and the short form used in branch names. */
interface CountyInfo {
  code: string;
  name: string;
  /** 区 are named 益阳市X区…; 县/市 carry their own name; functional zones have few departments. */
  style: 'district' | 'county' | 'zone';
  /** Short form in branch names: 赫山, 南县, 大通湖. */
  short: string;
}

export const COUNTIES: readonly CountyInfo[] = [
  { code: '430902000000', name: '资阳区', style: 'district', short: '资阳' },
  { code: '430903000000', name: '赫山区', style: 'district', short: '赫山' },
  { code: '430921000000', name: '南县', style: 'county', short: '南县' },
  { code: '430922000000', name: '桃江县', style: 'county', short: '桃江' },
  { code: '430923000000', name: '安化县', style: 'county', short: '安化' },
  { code: '430971000000', name: '益阳市大通湖管理区', style: 'zone', short: '大通湖' },
  { code: '430972000000', name: '湖南益阳高新技术产业园区', style: 'zone', short: '高新区' },
  { code: '430981000000', name: '沅江市', style: 'county', short: '沅江' },
];

/** Lines that the two functional zones run themselves; everything else is handled by the city. */
const ZONE_LINES = new Set(['public_security', 'market_regulation', 'government_services', 'taxation', 'natural_resources', 'ecology_environment']);

export interface DepartmentSeed {
  code: string;
  name: string;
  shortName: string;
  regionCode: string;
  kind: DepartmentKind;
  line: string;
  uscc: string;
}

/** The part of a municipal name after 益阳市 (or the whole name for those that do not start with it). */
function bareName(name: string): string {
  return name.startsWith('益阳市') ? name.slice(3) : name;
}

function countyName(d: MunicipalDepartment, c: CountyInfo): string {
  const local = c.style === 'district' ? `益阳市${c.name}` : c.name; // 益阳市赫山区 / 南县 / 湖南益阳高新技术产业园区
  if (d.line === 'government_services') return `${local}政务服务中心`;
  if (d.line === 'general_office') return `${c.name}人民政府办公室`;
  if (d.line === 'supervision') return `中共${c.name}委督查室`;
  if (d.line === 'state_assets') return `${c.name}国有资产事务中心`;
  if (d.county === 'tax') return `国家税务总局${local}税务局`;
  if (d.name.endsWith('中心')) return `${d.name}${c.short}管理部`;
  if (d.county === 'branch' || c.style === 'zone') return `${d.name}${c.short}分局`;
  return `${local}${bareName(d.name)}`;
}

/**
 * Demo USCC for the n-th department: 1 (机构编制) + category + region + a generated organisation code
 * with its GB 11714 check, + the GB 32100 check.
 */
function demoUscc(kind: DepartmentKind, county6: string, n: number): string {
  const category = kind === 'institution' ? '2' : kind === 'mass_organization' ? '3' : '1';
  const org8 = `D${String(n).padStart(7, '0')}`;
  const first17 = `1${category}${county6}${org8}${organizationCodeCheckChar(org8)}`;
  return first17 + usccCheckChar(first17);
}

/** Every department to seed, in a stable order (so generated codes never change between versions). */
export function yiyangDepartments(townships: readonly { code: string; name: string; parentCode: string }[]): DepartmentSeed[] {
  const out: DepartmentSeed[] = [];
  let n = 0;
  const add = (d: Omit<DepartmentSeed, 'uscc'>) => {
    n += 1;
    out.push({ ...d, uscc: demoUscc(d.kind, d.regionCode.slice(0, 6), n) });
  };
  for (const d of MUNICIPAL_DEPARTMENTS) {
    add({ code: `430900-${d.line}`, name: d.name, shortName: d.shortName, regionCode: '430900000000', kind: d.kind, line: d.line });
  }
  for (const c of COUNTIES) {
    for (const d of MUNICIPAL_DEPARTMENTS) {
      if (!d.county) continue;
      if (c.style === 'zone' && !ZONE_LINES.has(d.line)) continue;
      const name = countyName(d, c);
      add({ code: `${c.code.slice(0, 6)}-${d.line}`, name, shortName: name.replace(/^(益阳市|国家税务总局|中共)/, ''), regionCode: c.code, kind: d.kind, line: d.line });
    }
  }
  for (const t of townships) {
    const name = `${t.name}便民服务中心`;
    add({ code: `${t.code.slice(0, 9)}-government_services`, name, shortName: name, regionCode: t.code, kind: 'institution', line: 'government_services' });
  }
  // The 兵役机关 (Military Service Law art. 10): 军分区 for the city, 人民武装部 for each county. Added
  // after everything else so that no department seeded before them changes its generated USCC.
  add({ code: '430900-military_service', name: '益阳军分区', shortName: '益阳军分区', regionCode: '430900000000', kind: 'military', line: 'military_service' });
  for (const c of COUNTIES.filter((county) => county.style !== 'zone')) {
    const name = `${c.style === 'district' ? `益阳市${c.name}` : c.name}人民武装部`;
    add({ code: `${c.code.slice(0, 6)}-military_service`, name, shortName: name.replace(/^益阳市/, ''), regionCode: c.code, kind: 'military', line: 'military_service' });
  }
  return out;
}
