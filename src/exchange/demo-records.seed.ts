import type { Deps } from '../core/context.js';
import { sm3Hex } from '../core/crypto/sm3.js';
import { findRegion, findRegionAncestors, listSubjectRowsAfter } from '../registry/index.js';
import { dataRecords } from './data-record.schema.js';
import { writeRecords, type DataRecordInput } from './data-record.service.js';

/**
 * Demo data records for the demo subjects: what the departments would hold about them, generated
 * from each subject's own registry data (name, birth date, masked number, USCC) so that the same
 * subject gets the same records on every installation, for a given seeding day. Places are marked
 * （示例）. The mix is chosen so that every proof type is issued to some and refused to others: about
 * one adult in fourteen has a criminal record, about half own property, a few receive 低保 or 特困 …
 */

/** What the generator reads of a subject. */
export interface DemoSubject {
  id: string;
  kind: string;
  name: string;
  sex: string | null;
  birthDate: string | null;
  idNumberMasked: string | null;
  uscc: string | null;
  regionCode: string;
}

/** Where a subject lives, as the generator names it. */
export interface DemoPlace {
  /** 湖南省益阳市赫山区赫山街道 (a village adds its name, marked （示例）). */
  path: string;
  /** 益阳市赫山区 / 南县: the county-level name used in courts, schools and authorities. */
  county: string;
  /** True for an example village (rural: land contracts are common). */
  village: boolean;
}

/** A deterministic roll in [0, 1) for a subject and a purpose. */
type Roll = (salt: string) => number;

function rollerFor(s: DemoSubject): Roll {
  const key = `${s.kind}|${s.name}|${s.birthDate ?? ''}|${s.idNumberMasked ?? ''}|${s.uscc ?? ''}`;
  return (salt) => Number.parseInt(sm3Hex(`${key}|${salt}`).slice(0, 12), 16) / 2 ** 48;
}

const pick = <T>(items: readonly T[], x: number): T => items[Math.min(items.length - 1, Math.floor(x * items.length))] as T;
const int = (x: number, lo: number, hi: number) => lo + Math.floor(x * (hi - lo + 1));

function addDays(ymd: string, days: number): string {
  const d = new Date(`${ymd}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function ageOn(birthDate: string, today: string): number {
  return Number(today.slice(0, 4)) - Number(birthDate.slice(0, 4)) - (today.slice(5) < birthDate.slice(5) ? 1 : 0);
}

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘';
const GIVEN = ['建国', '秀英', '桂兰', '志强', '丽华', '国平', '春花', '德明', '玉梅', '小红', '子涵', '浩然', '雨桐', '思远', '欣怡', '宇航'];
const TRADES = ['食品', '建材', '物流', '茶业', '竹木制品', '商贸', '电子', '服装'];

/** A relative's name: the holder's surname for children and fathers, any for spouses and mothers. */
function relativeName(roll: Roll, salt: string, surname: string | null): string {
  return (surname ?? pick([...SURNAMES], roll(`${salt}.s`))) + pick(GIVEN, roll(`${salt}.g`));
}

/** The records of one person. */
export function demoPersonRecords(s: DemoSubject, place: DemoPlace, today: string): DataRecordInput[] {
  const roll = rollerFor(s);
  const birth = s.birthDate ?? '1980-01-01';
  const age = ageOn(birth, today);
  const male = s.sex === 'male';
  const surname = [...s.name][0] ?? '王';
  const out: DataRecordInput[] = [];
  const add = (record: DataRecordInput) => out.push(record);
  const yearsAgo = (lo: number, hi: number, salt: string) => addDays(today, -int(roll(salt), Math.round(lo * 365), Math.round(hi * 365)));
  const address = (salt: string) => (place.village ? `${place.path}${int(roll(salt), 1, 12)}组${int(roll(`${salt}.n`), 1, 60)}号` : `${place.path}示例路${int(roll(salt), 1, 300)}号（示例）`);
  const home = address('home');
  const adult = age >= 18;
  const deceased = age >= 78 && roll('death') < 0.12;

  // 婚姻: nobody under 22; then mostly married, some divorced or widowed, the rest never registered.
  const m = roll('marriage');
  const marriage = age < 22 ? null : m < 0.62 ? 'married' : m < 0.72 && age >= 26 ? 'divorced' : m < 0.78 && age >= 45 ? 'widowed' : m < 0.78 ? 'married' : null;
  const spouse = marriage ? relativeName(roll, 'spouse', null) : null;
  if (marriage && spouse) {
    add({ subjectId: s.id, resourceCode: 'marriage_registration', facts: { status: marriage, spouseName: spouse, registeredOn: yearsAgo(1, Math.max(1.5, age - 21), 'wed'), office: `${place.county}民政局婚姻登记处` } });
  }

  // 户籍: almost everyone is registered here; the rest are registered elsewhere (no record).
  const father = relativeName(roll, 'father', surname);
  const mother = relativeName(roll, 'mother', null);
  const children = marriage && age >= 28 ? Array.from({ length: int(roll('children'), 0, 2) }, (_, i) => ({ name: relativeName(roll, `child${i}`, male ? surname : null), relation: roll(`child${i}.sex`) < 0.5 ? '子' : '女', birthDate: addDays(birth, int(roll(`child${i}.b`), 24, 34) * 365) })) : [];
  const headsOwn = age >= 25 && roll('householder') < 0.75;
  if (roll('household') < 0.97) {
    const members = headsOwn
      ? [...(marriage === 'married' && spouse ? [{ name: spouse, relation: '配偶' }] : []), ...children]
      : [{ name: father, relation: '父亲' }, { name: mother, relation: '母亲' }];
    add({
      subjectId: s.id,
      resourceCode: 'household_registration',
      facts: {
        address: home,
        householder: headsOwn ? s.name : father,
        relationToHouseholder: headsOwn ? '户主' : male ? '子' : '女',
        registeredOn: age < 16 ? birth : yearsAgo(2, Math.max(3, age - 1), 'hh'),
        status: deceased ? 'cancelled' : 'active',
        members,
      },
    });
  }
  if (adult && roll('residence') < 0.35) {
    add({ subjectId: s.id, resourceCode: 'residence_registration', facts: { address: `${place.path}示例小区${int(roll('res.b'), 1, 30)}栋${int(roll('res.u'), 1, 4)}单元${int(roll('res.r'), 1, 30)}0${int(roll('res.d'), 1, 4)}室（示例）`, since: yearsAgo(0.5, 12, 'res.since') } });
  }
  if (adult) {
    const convicted = roll('crime') < 0.07;
    add({
      subjectId: s.id,
      resourceCode: 'criminal_record',
      facts: { entries: convicted ? [{ offence: pick(['盗窃罪', '危险驾驶罪', '故意伤害罪', '诈骗罪', '寻衅滋事罪'], roll('crime.kind')), judgedOn: yearsAgo(1, Math.max(2, age - 18), 'crime.on'), court: `${place.county}人民法院` }] : [] },
    });
  }

  // 社保, 医保, 公积金, 就业, 失业, 养老.
  const retired = age >= (male ? 60 : 55);
  const employer = `益阳市示例${pick(TRADES, roll('employer'))}有限公司（示例）`;
  const insured = age >= 18 && !retired && roll('si') < 0.72;
  if (insured) {
    const since = yearsAgo(1, Math.min(20, Math.max(1.5, age - 18)), 'si.since');
    const months = Math.max(1, Math.round((Date.parse(today) - Date.parse(since)) / (30.44 * 86_400_000)));
    add({ subjectId: s.id, resourceCode: 'social_insurance', facts: { status: roll('si.status') < 0.92 ? 'active' : 'suspended', schemes: ['企业职工基本养老保险', '失业保险', '工伤保险'], employer, since, paidMonths: months, arrears: roll('si.arrears') < 0.05 } });
    add({ subjectId: s.id, resourceCode: 'employment', facts: { status: 'employed', employer, since, certificateNumber: `4309${String(int(roll('emp.no'), 0, 99_999_999)).padStart(8, '0')}` } });
    if (roll('fund') < 0.45) add({ subjectId: s.id, resourceCode: 'housing_fund', facts: { status: roll('fund.status') < 0.93 ? 'active' : 'sealed', employer, since, monthlyDeposit: int(roll('fund.amount'), 3, 20) * 100, paidMonths: months } });
  } else if (adult && !retired) {
    const u = roll('unemployed');
    if (u < 0.3) add({ subjectId: s.id, resourceCode: 'unemployment', facts: { status: u < 0.25 ? 'registered' : 'ended', registeredOn: yearsAgo(0.1, 2, 'unemp.on'), office: `${place.county}人力资源和社会保障局` } });
    else if (u < 0.55) add({ subjectId: s.id, resourceCode: 'employment', facts: { status: 'self_employed', employer: '灵活就业', since: yearsAgo(1, 8, 'self.since'), certificateNumber: `4309${String(int(roll('emp.no'), 0, 99_999_999)).padStart(8, '0')}` } });
  }
  if (roll('medical') < 0.94) add({ subjectId: s.id, resourceCode: 'medical_insurance', facts: { scheme: insured ? 'employee' : 'resident', status: roll('medical.status') < 0.96 ? 'active' : 'suspended', since: yearsAgo(1, 15, 'medical.since') } });
  if (retired && roll('pension') < 0.88) {
    const employee = roll('pension.scheme') < 0.55;
    add({ subjectId: s.id, resourceCode: 'pension', facts: { receiving: !deceased, scheme: employee ? '企业职工基本养老保险' : '城乡居民基本养老保险', since: addDays(birth, (male ? 60 : 55) * 365 + 30), monthlyAmount: employee ? int(roll('pension.amount'), 1800, 4200) : int(roll('pension.amount'), 150, 400) } });
  }

  // 不动产, 纳税, 车辆, 驾驶人.
  if (age >= 25 && roll('property') < 0.5) {
    const count = roll('property.n') < 0.8 ? 1 : 2;
    add({
      subjectId: s.id,
      resourceCode: 'real_estate',
      facts: {
        properties: Array.from({ length: count }, (_, i) => {
          const on = yearsAgo(1, Math.max(2, age - 24), `property${i}.on`);
          return { certificateNumber: `湘（${on.slice(0, 4)}）益阳市不动产权第${String(int(roll(`property${i}.no`), 1, 99_999)).padStart(7, '0')}号`, location: `${place.path}示例小区${int(roll(`property${i}.b`), 1, 30)}栋（示例）`, area: int(roll(`property${i}.a`), 550, 1600) / 10, use: '住宅', registeredOn: on };
        }),
      },
    });
  } else if (adult) {
    add({ subjectId: s.id, resourceCode: 'real_estate', facts: { properties: [] } });
  }
  if (insured && roll('tax') < 0.6) {
    const year = Number(today.slice(0, 4));
    add({ subjectId: s.id, resourceCode: 'tax', facts: { years: [1, 2].map((k) => ({ year: year - k, taxPaid: int(roll(`tax${k}`), 300, 36_000), kinds: ['个人所得税'] })), arrears: roll('tax.arrears') < 0.03 } });
  }
  if (adult && age < 75 && roll('vehicle') < 0.35) {
    add({ subjectId: s.id, resourceCode: 'vehicle', facts: { vehicles: [{ plate: `湘H${'ABCDEFGHJK'[int(roll('plate1'), 0, 9)]}${String(int(roll('plate2'), 0, 9999)).padStart(4, '0')}`, model: pick(['小型普通客车', '小型轿车', '轻型普通货车', '普通二轮摩托车'], roll('vehicle.model')), registeredOn: yearsAgo(0.5, 12, 'vehicle.on'), status: '正常' }] } });
  }
  if (adult && age < 70 && roll('driver') < 0.55) {
    const a = roll('accident');
    const accident = a < 0.12 ? { on: yearsAgo(0.2, 2.8, 'accident.on'), responsibility: a < 0.06 ? 'main' : 'full' } as const : a < 0.2 ? { on: yearsAgo(0.2, 6, 'accident.on'), responsibility: 'minor' } as const : null;
    add({ subjectId: s.id, resourceCode: 'driver', facts: { licenseClass: pick(['C1', 'C1', 'C2', 'B2', 'A2'], roll('driver.class')), firstIssuedOn: yearsAgo(1, Math.max(1.5, age - 18), 'driver.first'), status: roll('driver.status') < 0.96 ? 'normal' : 'suspended', points: int(roll('driver.points'), 0, 9), accidents: accident ? [accident] : [] } });
  }

  // 救助, 残疾, 法律援助.
  const assist = roll('assistance');
  if (assist < 0.06) add({ subjectId: s.id, resourceCode: 'minimum_living', facts: { category: 'minimum_living', status: assist < 0.05 ? 'receiving' : 'ended', since: yearsAgo(0.5, 8, 'assist.since'), monthlyAmount: int(roll('assist.amount'), 40, 60) * 10, householdSize: int(roll('assist.size'), 1, 5) } });
  else if (assist < 0.1 && age >= 50) add({ subjectId: s.id, resourceCode: 'minimum_living', facts: { category: 'extreme_poverty', status: 'receiving', since: yearsAgo(1, 10, 'assist.since'), monthlyAmount: int(roll('assist.amount'), 75, 95) * 10, householdSize: 1 } });
  if (roll('disability') < 0.05) add({ subjectId: s.id, resourceCode: 'disability', facts: { category: pick(['肢体残疾', '视力残疾', '听力残疾', '言语残疾', '智力残疾', '精神残疾'], roll('disability.kind')), grade: pick(['一级', '二级', '三级', '四级'], roll('disability.grade')), certificateNumber: `CJ4309${String(int(roll('disability.no'), 0, 9_999_999)).padStart(7, '0')}`, since: yearsAgo(1, Math.max(1.5, age), 'disability.since') } });
  if (adult && roll('legal') < 0.15) add({ subjectId: s.id, resourceCode: 'legal_aid', facts: { monthlyIncomePerCapita: int(roll('legal.income'), 60, 400) * 10, localStandard: 1_930, assessedOn: yearsAgo(0, 1, 'legal.on') } });

  // 退役军人, 兵役登记, 学籍.
  if (male && age >= 22 && age <= 70 && roll('veteran') < 0.07) {
    const enlisted = addDays(birth, int(roll('veteran.age'), 18, 20) * 365 + 200);
    add({ subjectId: s.id, resourceCode: 'veteran', facts: { enlistedOn: enlisted, dischargedOn: addDays(enlisted, int(roll('veteran.years'), 2, 5) * 365), branch: pick(['陆军', '海军', '空军', '火箭军', '武警部队'], roll('veteran.branch')), category: '退役士兵' } });
  }
  if (male && age >= 18 && age <= 26) {
    const year = Number(birth.slice(0, 4)) + 18;
    add({ subjectId: s.id, resourceCode: 'military_service', facts: { registeredOn: `${year}-06-15`, year, category: '预备役（应征公民）' } });
  }
  const student = demoStudent(age, place.county, roll);
  if (student) add({ subjectId: s.id, resourceCode: 'student_status', facts: { ...student, studentNumber: `G4309${String(int(roll('student.no'), 0, 9_999_999_999)).padStart(10, '0')}`, enrolledOn: `${Number(today.slice(0, 4)) - int(roll('student.year'), 0, 2)}-09-01` } });

  // 出生, 死亡, 独生子女, 土地承包, 房屋安全.
  if (birth >= '1996-01-01') {
    add({ subjectId: s.id, resourceCode: 'birth', facts: { birthDate: birth, place: pick(['益阳市中心医院', '益阳市第一中医医院', '益阳市妇幼保健院', `${place.county}人民医院`], roll('birth.place')), fatherName: father, motherName: mother, certificateNumber: `${String.fromCharCode(65 + int(roll('birth.l'), 0, 25))}${birth.slice(2, 4)}${String(int(roll('birth.no'), 0, 9_999_999)).padStart(7, '0')}` } });
  }
  if (deceased) add({ subjectId: s.id, resourceCode: 'death', facts: { diedOn: yearsAgo(0.1, 1, 'died'), place: `${place.county}人民医院`, certificateNumber: `SW${today.slice(0, 4)}${String(int(roll('death.no'), 0, 999_999)).padStart(6, '0')}` } });
  if (age >= 30 && age <= 60 && roll('onlychild') < 0.18 && children.length <= 1) {
    const child = children[0] ?? { name: relativeName(roll, 'onlychild', male ? surname : null), birthDate: addDays(birth, 27 * 365) };
    add({ subjectId: s.id, resourceCode: 'only_child', facts: { childName: child.name, childBirthDate: child.birthDate ?? addDays(birth, 27 * 365), certificateNumber: `DS${String(int(roll('onlychild.no'), 0, 99_999_999)).padStart(8, '0')}`, issuedOn: addDays(child.birthDate ?? birth, 400) } });
  }
  if (adult && roll('land') < (place.village ? 0.65 : 0.08)) {
    add({ subjectId: s.id, resourceCode: 'land_contract', facts: { certificateNumber: `430900${String(int(roll('land.no'), 0, 999_999_999)).padStart(9, '0')}J`, village: place.village ? place.path.replace(/^湖南省益阳市/, '') : `${place.path.replace(/^湖南省益阳市/, '')}示例村（示例）`, plots: int(roll('land.plots'), 2, 9), areaMu: int(roll('land.area'), 12, 85) / 10, termFrom: '1998-01-01', termUntil: '2027-12-31' } });
  }
  if (adult && roll('building') < 0.04) {
    add({ subjectId: s.id, resourceCode: 'building_safety', facts: { address: home, appraisedOn: yearsAgo(0.1, 2, 'building.on'), grade: pick(['A', 'B', 'C', 'C', 'D'], roll('building.grade')), agency: `${place.county}房屋安全鉴定站（示例）` } });
  }
  return out;
}

const GRADES = ['一', '二', '三', '四', '五', '六'];

/** A pupil's or student's 学籍 by age, or null. */
function demoStudent(age: number, county: string, roll: Roll): { school: string; stage: string; grade: string; status: 'enrolled' | 'graduated' } | null {
  if (age >= 6 && age <= 11) return { school: `${county}示例小学（示例）`, stage: '小学', grade: `${GRADES[age - 6] ?? '六'}年级`, status: 'enrolled' };
  if (age >= 12 && age <= 14) return { school: `${county}示例中学（示例）`, stage: '初中', grade: `${GRADES[age - 12] ?? '三'}年级`, status: 'enrolled' };
  if (age >= 15 && age <= 17) return { school: `${county}第一中学（示例）`, stage: '高中', grade: `${GRADES[age - 15] ?? '三'}年级`, status: 'enrolled' };
  if (age >= 18 && age <= 21 && roll('college') < 0.55) return { school: pick(['湖南城市学院', '益阳职业技术学院', '湖南工艺美术职业学院'], roll('college.name')), stage: '高等教育', grade: `${GRADES[age - 18] ?? '四'}年级`, status: 'enrolled' };
  if (age >= 22 && age <= 30 && roll('college') < 0.3) return { school: pick(['湖南城市学院', '益阳职业技术学院'], roll('college.name')), stage: '高等教育', grade: '已毕业', status: 'graduated' };
  return null;
}

/** The records of one organisation: its market-entity registration, its credit record and its taxes. */
export function demoOrganizationRecords(s: DemoSubject, place: DemoPlace, today: string): DataRecordInput[] {
  const roll = rollerFor(s);
  const kind = s.uscc?.[1] === '2' ? 'individual' : s.uscc?.[1] === '3' ? 'cooperative' : 'company';
  const registeredOn = addDays(today, -int(roll('registered'), 200, 20 * 365));
  const st = roll('status');
  const status = st < 0.9 ? 'operating' : st < 0.96 ? 'cancelled' : 'revoked';
  const trade = /(食品|农业|建材|物流|竹木制品|茶业|医药|商贸|餐饮|建筑工程|运输|科技|服装|水产养殖|家居)/.exec(s.name)?.[1] ?? '商贸';
  const out: DataRecordInput[] = [
    {
      subjectId: s.id,
      resourceCode: 'market_entity',
      facts: {
        entityType: kind,
        status,
        registeredOn,
        address: `${place.path}示例路${int(roll('addr'), 1, 300)}号（示例）`,
        scope: `${trade}相关经营活动（依法须经批准的项目，经相关部门批准后方可开展经营活动）`,
        ...(kind === 'company' ? { registeredCapital: `${int(roll('capital'), 1, 500) * 10}万元人民币` } : {}),
        authority: `${place.county}市场监督管理局`,
      },
    },
  ];
  const c = roll('credit');
  const penalty = (salt: string, lo: number, hi: number) => ({ matter: pick(['未按规定公示年度报告', '销售不符合食品安全标准的食品', '未取得许可从事经营活动', '虚假宣传', '违反安全生产规定'], roll(`${salt}.m`)), decidedOn: addDays(today, -int(roll(`${salt}.on`), lo, hi)), authority: `${place.county}市场监督管理局` });
  out.push({
    subjectId: s.id,
    resourceCode: 'credit',
    facts: {
      penalties: c < 0.1 ? [penalty('p1', 60, 1000)] : c < 0.16 ? [penalty('p1', 1200, 3000)] : [],
      abnormalOperation: roll('abnormal') < 0.04,
      seriousIllegal: roll('serious') < 0.01,
    },
  });
  if (status === 'operating' && roll('tax') < 0.88) {
    const year = Number(today.slice(0, 4));
    out.push({ subjectId: s.id, resourceCode: 'tax', facts: { years: [1, 2].map((k) => ({ year: year - k, taxPaid: int(roll(`tax${k}`), 2_000, 900_000), kinds: kind === 'individual' ? ['增值税', '个人所得税（经营所得）'] : ['增值税', '企业所得税', '城市维护建设税'] })), arrears: roll('tax.arrears') < 0.06 } });
  }
  return out;
}

/** The place of a region, from its ancestors' names. */
async function placeOf(deps: Deps, regionCode: string, cache: Map<string, DemoPlace>): Promise<DemoPlace> {
  const known = cache.get(regionCode);
  if (known) return known;
  const own = await findRegion(deps.db, regionCode);
  const names = [...(await findRegionAncestors(deps.db, regionCode)), ...(own ? [own] : [])];
  const county = names.find((r) => r.level === 'county')?.name ?? '益阳市';
  const place: DemoPlace = {
    path: names.map((r) => r.name).join(''),
    county: county.startsWith('益阳市') || !county.endsWith('区') ? county : `益阳市${county}`,
    village: own?.level === 'village',
  };
  cache.set(regionCode, place);
  return place;
}

/**
 * Seeds demo records at the demo's first start (when there are none yet) for the first `limit`
 * subjects — the demo population, not a synthetic million loaded for a benchmark. Returns how many
 * records were written.
 */
export async function seedDemoRecords(deps: Deps, options: { today?: string; limit?: number } = {}): Promise<number> {
  const [any] = await deps.db.select({ id: dataRecords.subjectId }).from(dataRecords).limit(1);
  if (any) return 0;
  const today = options.today ?? new Date(deps.clock.now().getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
  const limit = options.limit ?? 2_000;
  const cache = new Map<string, DemoPlace>();
  let written = 0;
  let after: string | null = null;
  for (let done = 0; done < limit; ) {
    const page = await listSubjectRowsAfter(deps.db, after, Math.min(500, limit - done));
    if (page.length === 0) break;
    after = page.at(-1)?.id ?? null;
    done += page.length;
    const records: DataRecordInput[] = [];
    for (const subject of page) {
      const place = await placeOf(deps, subject.regionCode, cache);
      records.push(...(subject.kind === 'organization' ? demoOrganizationRecords(subject, place, today) : demoPersonRecords(subject, place, today)));
    }
    written += await writeRecords(deps.db, deps.clock.now(), records, 'keep');
  }
  return written;
}
