import { describe, expect, it } from 'vitest';
import { factsProblems, isResourceCode, type DataRecord, type DataRecordSet, type ResourceCode, type ResourceFacts } from '../../exchange/index.js';
import { proofParagraphs } from '../proof-document.js';
import type { ProofHolder, RuleOutcome } from './proof-type.definition.js';
import { PROOF_TYPES, proofTypeDefinition } from './proof-types.data.js';
import { monthsText, yuan } from './proof-type.definition.js';

const TODAY = '2026-03-01';
const PERSON: ProofHolder = { kind: 'person', name: '张晓梅', sex: 'female', birthDate: '1990-05-04', regionCode: '430903001000', legalRepresentative: null };
const ORG: ProofHolder = { kind: 'organization', name: '赫山示例食品商行', sex: null, birthDate: null, regionCode: '430903001000', legalRepresentative: '李建国' };

/** A record as the exchange would return it; its facts must fit the resource's schema. */
function rec<K extends ResourceCode>(resourceCode: K, facts: ResourceFacts[K]): DataRecord<K> {
  expect(factsProblems(resourceCode, facts), `${resourceCode} fixture`).toEqual([]);
  return { resourceCode, holdingLine: 'x', facts, updatedAt: new Date('2026-02-01T00:00:00Z') };
}

/** A record set from records. */
function set(...records: DataRecord[]): DataRecordSet {
  return Object.fromEntries(records.map((r) => [r.resourceCode, r])) as DataRecordSet;
}

const household = (status: 'active' | 'cancelled' = 'active', members = [{ name: '王建国', relation: '配偶' }]) =>
  rec('household_registration', { address: '湖南省益阳市赫山区赫山街道示例路8号（示例）', householder: '张晓梅', relationToHouseholder: '户主', registeredOn: '2015-03-01', status, members });
const married = rec('marriage_registration', { status: 'married', spouseName: '王建国', registeredOn: '2016-10-01', office: '益阳市赫山区民政局婚姻登记处' });
const marketEntity = (entityType: 'company' | 'individual' | 'cooperative', status: 'operating' | 'cancelled' | 'revoked' = 'operating') =>
  rec('market_entity', { entityType, status, registeredOn: '2018-04-02', address: '湖南省益阳市赫山区示例路1号（示例）', scope: '食品销售', authority: '益阳市赫山区市场监督管理局' });
const credit = (p: Partial<ResourceFacts['credit']> = {}) => rec('credit', { penalties: [], abnormalOperation: false, seriousIllegal: false, ...p });
const driver = (p: Partial<ResourceFacts['driver']> = {}) => rec('driver', { licenseClass: 'C1', firstIssuedOn: '2010-06-01', status: 'normal', points: 2, accidents: [], ...p });

interface Case {
  holder?: ProofHolder;
  records: DataRecordSet;
}
/** For each type: a case that is issued with what its text must say, and cases refused with the reason. */
const CASES: Record<string, { issue: Case & { says: string[] }; refuse: (Case & { because: RegExp })[] }> = {
  residence: {
    issue: { records: set(rec('residence_registration', { address: '益阳市赫山区示例小区3栋（示例）', since: '2019-03-01' }), household()), says: ['自2019年3月1日起居住于益阳市赫山区示例小区3栋（示例）', '居住登记信息'] },
    refuse: [{ records: set(household('cancelled')), because: /未查询到.*居住登记/ }],
  },
  household_registration: {
    issue: { records: set(household()), says: ['户籍登记于湖南省益阳市赫山区赫山街道示例路8号（示例）', '与户主关系为户主'] },
    refuse: [{ records: set(), because: /户籍可能不在本市/ }, { records: set(household('cancelled')), because: /户口已注销/ }],
  },
  kinship: {
    issue: { records: set(household('active', []), married, rec('birth', { birthDate: '1990-05-04', place: '益阳市中心医院', fatherName: '张德明', motherName: '李秀英', certificateNumber: 'A901234567' })), says: ['王建国（配偶）、张德明（父亲）、李秀英（母亲）', '婚姻登记信息、出生医学证明信息'] },
    refuse: [{ records: set(household('active', [])), because: /均未查询到申请人的亲属/ }],
  },
  no_criminal_record: {
    issue: { records: set(household(), rec('criminal_record', { entries: [] })), says: ['截至2026年3月1日，未发现其有犯罪记录'] },
    refuse: [
      { records: set(household(), rec('criminal_record', { entries: [{ offence: '盗窃罪', judgedOn: '2015-06-01', court: '益阳市赫山区人民法院' }] })), because: /有犯罪记录，不能出具/ },
      { records: set(rec('criminal_record', { entries: [] })), because: /户籍和居住地均不在本市/ },
    ],
  },
  enterprise_credit: {
    issue: { holder: ORG, records: set(marketEntity('company'), credit({ penalties: [{ matter: '虚假宣传', decidedOn: '2022-01-10', authority: '益阳市赫山区市场监督管理局' }] })), says: ['在2023年3月1日至2026年3月1日期间', '无行政处罚记录'] },
    refuse: [
      { holder: ORG, records: set(marketEntity('company'), credit({ penalties: [{ matter: '虚假宣传', decidedOn: '2025-01-10', authority: '益阳市赫山区市场监督管理局' }] })), because: /近三年内有1条行政处罚记录.*虚假宣传/ },
      { holder: ORG, records: set(marketEntity('company'), credit({ abnormalOperation: true })), because: /经营异常名录/ },
      { holder: ORG, records: set(marketEntity('company'), credit({ seriousIllegal: true })), because: /严重违法失信名单/ },
      { holder: ORG, records: set(credit()), because: /未查询到该主体的市场主体登记信息/ },
    ],
  },
  marital_status: {
    issue: { records: set(married), says: ['婚姻状况为：已婚', '于2016年10月1日在益阳市赫山区民政局婚姻登记处与王建国登记结婚'] },
    refuse: [],
  },
  unmarried: {
    issue: { records: set(), says: ['截至2026年3月1日，未发现其有婚姻登记记录'] },
    refuse: [
      { records: set(married), because: /显示申请人已婚/ },
      { records: set(rec('marriage_registration', { status: 'divorced', spouseName: '王建国', registeredOn: '2020-01-01', office: '某处' })), because: /现离异/ },
    ],
  },
  birth: {
    issue: { records: set(rec('birth', { birthDate: '1999-05-04', place: '益阳市中心医院', fatherName: '张德明', motherName: '李秀英', certificateNumber: 'A991234567' })), says: ['于1999年5月4日出生于益阳市中心医院，父亲张德明，母亲李秀英'] },
    refuse: [{ records: set(), because: /出生医学证明信息/ }],
  },
  death: {
    issue: { records: set(rec('death', { diedOn: '2026-01-05', place: '益阳市中心医院', certificateNumber: 'SW2026000001' }), household('cancelled')), says: ['于2026年1月5日在益阳市中心医院死亡', '其户口已注销。'] },
    refuse: [{ records: set(household()), because: /未查询到该人员的死亡/ }],
  },
  only_child: {
    issue: { records: set(rec('only_child', { childName: '王小明', childBirthDate: '2017-08-01', certificateNumber: 'DS00001234', issuedOn: '2018-09-01' })), says: ['独生子女王小明于2017年8月1日出生'] },
    refuse: [{ records: set(), because: /独生子女父母光荣证/ }],
  },
  no_property: {
    issue: { records: set(rec('real_estate', { properties: [] })), says: ['在本市范围内名下无不动产登记记录'] },
    refuse: [{ records: set(rec('real_estate', { properties: [{ certificateNumber: '湘（2019）益阳市不动产权第0001234号', location: '示例小区1栋（示例）', area: 98.5, use: '住宅', registeredOn: '2019-05-01' }] })), because: /名下有1处不动产/ }],
  },
  real_estate_holdings: {
    issue: { records: set(rec('real_estate', { properties: [{ certificateNumber: '湘（2019）益阳市不动产权第0001234号', location: '示例小区1栋（示例）', area: 98.5, use: '住宅', registeredOn: '2019-05-01' }] })), says: ['1.示例小区1栋（示例），湘（2019）益阳市不动产权第0001234号，建筑面积98.5平方米'] },
    refuse: [{ records: set(), because: /名下无不动产，可申请无房证明/ }],
  },
  dangerous_building: {
    issue: { records: set(rec('building_safety', { address: '示例村3组（示例）', appraisedOn: '2025-11-02', grade: 'D', agency: '赫山区房屋安全鉴定站（示例）' })), says: ['鉴定等级为D级（整幢危房），属于危险房屋'] },
    refuse: [{ records: set(rec('building_safety', { address: '示例村3组（示例）', appraisedOn: '2025-11-02', grade: 'B', agency: '鉴定站' })), because: /B级.*不属于危险房屋/ }, { records: set(), because: /请先申请房屋安全鉴定/ }],
  },
  land_contract: {
    issue: { records: set(rec('land_contract', { certificateNumber: '430903123456789J', village: '赫山区示例村（示例）', plots: 4, areaMu: 3.6, termFrom: '1998-01-01', termUntil: '2027-12-31' })), says: ['承包经营赫山区示例村（示例）农村土地4块，承包面积3.6亩，承包期限为1998年1月1日至2027年12月31日'] },
    refuse: [{ records: set(), because: /土地承包经营权登记信息/ }],
  },
  tax_payment: {
    issue: { holder: ORG, records: set(rec('tax', { years: [{ year: 2024, taxPaid: 1200.5, kinds: ['增值税'] }, { year: 2025, taxPaid: 80000, kinds: ['增值税', '企业所得税'] }], arrears: false })), says: ['统一社会信用代码', '2025年度缴纳增值税、企业所得税80,000.00元；2024年度缴纳增值税1,200.50元', '合计81,200.50元'] },
    refuse: [{ records: set(rec('tax', { years: [], arrears: false })), because: /未查询到申请人的纳税记录/ }],
  },
  tax_clearance: {
    issue: { records: set(rec('tax', { years: [], arrears: false })), says: ['公民身份号码', '未发现其有欠税情形'] },
    refuse: [{ records: set(rec('tax', { years: [], arrears: true })), because: /存在欠缴税款/ }, { records: set(), because: /税务登记/ }],
  },
  social_insurance: {
    issue: { records: set(rec('social_insurance', { status: 'active', schemes: ['企业职工基本养老保险', '失业保险'], employer: '益阳示例公司（示例）', since: '2013-07-01', paidMonths: 152, arrears: false })), says: ['参加企业职工基本养老保险、失业保险', '累计缴费12年8个月', '正常参保', '无欠费记录'] },
    refuse: [{ records: set(), because: /社会保险参保信息/ }],
  },
  medical_insurance: {
    issue: { records: set(rec('medical_insurance', { scheme: 'resident', status: 'active', since: '2012-01-01' })), says: ['参加城乡居民基本医疗保险'] },
    refuse: [{ records: set(rec('medical_insurance', { scheme: 'resident', status: 'suspended', since: '2012-01-01' })), because: /暂停参保/ }, { records: set(), because: /未查询到/ }],
  },
  housing_fund: {
    issue: { records: set(rec('housing_fund', { status: 'active', employer: '益阳示例公司（示例）', since: '2018-01-01', monthlyDeposit: 860, paidMonths: 98 })), says: ['月缴存额860.00元', '累计缴存8年2个月', '正常缴存'] },
    refuse: [{ records: set(rec('housing_fund', { status: 'closed', employer: 'x', since: '2018-01-01', monthlyDeposit: 0, paidMonths: 1 })), because: /已销户/ }, { records: set(), because: /住房公积金账户/ }],
  },
  unemployment_registration: {
    issue: { records: set(rec('unemployment', { status: 'registered', registeredOn: '2025-12-01', office: '益阳市赫山区人力资源和社会保障局' })), says: ['于2025年12月1日在益阳市赫山区人力资源和社会保障局办理失业登记'] },
    refuse: [{ records: set(rec('unemployment', { status: 'ended', registeredOn: '2025-01-01', office: 'x' })), because: /失业登记已终止/ }],
  },
  employment: {
    issue: { records: set(rec('employment', { status: 'employed', employer: '益阳示例公司（示例）', since: '2020-03-01', certificateNumber: '430900123456' })), says: ['自2020年3月1日起在益阳示例公司（示例）就业'] },
    refuse: [{ records: set(rec('employment', { status: 'unemployed', employer: '', since: '2020-03-01', certificateNumber: '1' })), because: /失业状态/ }, { records: set(), because: /就业登记信息/ }],
  },
  pension_receipt: {
    issue: { records: set(rec('pension', { receiving: true, scheme: '企业职工基本养老保险', since: '2020-06-01', monthlyAmount: 2856 })), says: ['月领取金额为2,856.00元'] },
    refuse: [{ records: set(rec('pension', { receiving: false, scheme: '企业职工基本养老保险', since: '2020-06-01', monthlyAmount: 0 })), because: /领取养老保险待遇/ }],
  },
  minimum_living: {
    issue: { records: set(rec('minimum_living', { category: 'minimum_living', status: 'receiving', since: '2023-04-01', monthlyAmount: 480, householdSize: 3 })), says: ['保障人口3人', '最低生活保障金480.00元'] },
    refuse: [
      { records: set(), because: /不是最低生活保障对象/ },
      { records: set(rec('minimum_living', { category: 'minimum_living', status: 'ended', since: '2023-04-01', monthlyAmount: 480, householdSize: 3 })), because: /已停止/ },
      { records: set(rec('minimum_living', { category: 'extreme_poverty', status: 'receiving', since: '2023-04-01', monthlyAmount: 850, householdSize: 1 })), because: /不是最低生活保障对象/ },
    ],
  },
  extreme_poverty: {
    issue: { records: set(rec('minimum_living', { category: 'extreme_poverty', status: 'receiving', since: '2023-04-01', monthlyAmount: 850, householdSize: 1 })), says: ['被认定为特困人员', '850.00元'] },
    refuse: [{ records: set(rec('minimum_living', { category: 'minimum_living', status: 'receiving', since: '2023-04-01', monthlyAmount: 480, householdSize: 3 })), because: /不是特困人员/ }],
  },
  disability: {
    issue: { records: set(rec('disability', { category: '肢体残疾', grade: '三级', certificateNumber: 'CJ43090012345', since: '2016-01-01' })), says: ['系肢体残疾三级'] },
    refuse: [{ records: set(), because: /残疾人证登记信息/ }],
  },
  legal_aid_hardship: {
    issue: { records: set(rec('legal_aid', { monthlyIncomePerCapita: 1200, localStandard: 1930, assessedOn: '2026-01-10' })), says: ['家庭人均月收入1,200.00元，不高于本地法律援助经济困难标准1,930.00元'] },
    refuse: [{ records: set(rec('legal_aid', { monthlyIncomePerCapita: 2400, localStandard: 1930, assessedOn: '2026-01-10' })), because: /高于本地法律援助经济困难标准/ }, { records: set(), because: /经济状况核查信息/ }],
  },
  veteran_status: {
    issue: { records: set(rec('veteran', { enlistedOn: '2008-12-01', dischargedOn: '2013-12-01', branch: '陆军', category: '退役士兵' })), says: ['于2008年12月1日入伍，在陆军服役'] },
    refuse: [{ records: set(), because: /退役军人登记信息/ }],
  },
  student_status: {
    issue: { records: set(rec('student_status', { school: '益阳市赫山区示例小学（示例）', stage: '小学', grade: '三年级', studentNumber: 'G4309001', enrolledOn: '2023-09-01', status: 'enrolled' })), says: ['现为益阳市赫山区示例小学（示例）小学三年级学生', '学籍状态为在读'] },
    refuse: [{ records: set(rec('student_status', { school: '湖南城市学院', stage: '高等教育', grade: '已毕业', studentNumber: 'G1', enrolledOn: '2015-09-01', status: 'graduated' })), because: /已从湖南城市学院毕业/ }],
  },
  military_service_registration: {
    issue: { holder: { ...PERSON, sex: 'male' }, records: set(rec('military_service', { registeredOn: '2025-06-15', year: 2025, category: '预备役（应征公民）' })), says: ['于2025年6月15日进行2025年度兵役登记'] },
    refuse: [{ records: set(), because: /兵役登记信息/ }],
  },
  market_entity_registration: {
    issue: { holder: ORG, records: set(marketEntity('company', 'cancelled')), says: ['登记状态为注销', '经营范围为：食品销售'] },
    refuse: [{ holder: ORG, records: set(), because: /市场主体登记信息/ }],
  },
  individual_business: {
    issue: { holder: ORG, records: set(marketEntity('individual')), says: ['系经营者李建国于2018年4月2日登记设立的个体工商户', '正常经营'] },
    refuse: [{ holder: ORG, records: set(marketEntity('company')), because: /不是个体工商户/ }, { holder: ORG, records: set(marketEntity('individual', 'revoked')), because: /吊销营业执照/ }],
  },
  vehicle_registration: {
    issue: { records: set(rec('vehicle', { vehicles: [{ plate: '湘HA1234', model: '小型普通客车', registeredOn: '2020-01-05', status: '正常' }] })), says: ['湘HA1234（小型普通客车，2020年1月5日登记，状态正常）'] },
    refuse: [{ records: set(rec('vehicle', { vehicles: [] })), because: /名下登记的机动车/ }],
  },
  safe_driving: {
    issue: { records: set(driver({ accidents: [{ on: '2025-01-01', responsibility: 'minor' }, { on: '2022-01-01', responsibility: 'full' }] })), says: ['驾龄15年', '2023年3月1日至2026年3月1日期间，该驾驶人无负同等以上责任的道路交通事故记录', '累积记分2分'] },
    refuse: [
      { records: set(driver({ accidents: [{ on: '2024-05-01', responsibility: 'equal' }] })), because: /近三年内有1起负同等以上责任/ },
      { records: set(driver({ status: 'suspended' })), because: /暂扣/ },
      { records: set(), because: /驾驶证信息/ },
    ],
  },
};

/** Runs a type's rule on a case and, when it issues, fills the template as issuing does. */
function run(code: string, c: Case): { outcome: RuleOutcome; text: string[] } {
  const type = proofTypeDefinition(code);
  if (!type) throw new Error(`no type ${code}`);
  const holder = c.holder ?? PERSON;
  const outcome = type.rule({ holder, records: c.records, today: TODAY });
  if (!outcome.issue) return { outcome, text: [] };
  const values = { ...outcome.facts, holderName: holder.name, holderCode: holder.kind === 'person' ? '430903********1234' : '92430903MA4L00001X', holderCodeLabel: holder.kind === 'person' ? '公民身份号码' : '统一社会信用代码', issuedOn: '2026年3月1日' };
  return { outcome, text: proofParagraphs(type.template, values, code, '办理入学') };
}

describe('the proof catalogue', () => {
  it('has at least 30 types with unique codes, real resources and validity, and templates that end 特此证明', () => {
    expect(PROOF_TYPES.length).toBeGreaterThanOrEqual(30);
    expect(new Set(PROOF_TYPES.map((t) => t.code)).size).toBe(PROOF_TYPES.length);
    expect(new Set(PROOF_TYPES.map((t) => t.name)).size).toBe(PROOF_TYPES.length);
    for (const t of PROOF_TYPES) {
      expect(t.template.at(-1), t.code).toBe('特此证明。');
      expect(t.resources.length, t.code).toBeGreaterThan(0);
      for (const r of t.resources) expect(isResourceCode(r), `${t.code}: ${r}`).toBe(true);
      expect(t.validityDays, t.code).toBeGreaterThanOrEqual(30);
      expect(t.holderKinds.length, t.code).toBeGreaterThan(0);
    }
    // Every type has cases below.
    expect(Object.keys(CASES).sort()).toEqual(PROOF_TYPES.map((t) => t.code).sort());
  });

  it('names the issuing line that really issues each proof', () => {
    const line = (code: string) => proofTypeDefinition(code)?.issuingLine;
    expect(line('no_criminal_record')).toBe('public_security');
    expect(line('marital_status')).toBe('civil_affairs');
    expect(line('tax_payment')).toBe('taxation');
    expect(line('social_insurance')).toBe('human_resources_social_security');
    expect(line('medical_insurance')).toBe('healthcare_security');
    expect(line('housing_fund')).toBe('housing_provident_fund');
    expect(line('no_property')).toBe('natural_resources');
    expect(line('disability')).toBe('disabled_persons');
    expect(line('military_service_registration')).toBe('military_service');
    expect(line('market_entity_registration')).toBe('market_regulation');
  });

  it('formats amounts and durations as Chinese documents do', () => {
    expect(yuan(1234567.5)).toBe('1,234,567.50元');
    expect(yuan(0)).toBe('0.00元');
    expect(monthsText(152)).toBe('12年8个月');
    expect(monthsText(24)).toBe('2年');
    expect(monthsText(5)).toBe('5个月');
  });

  for (const [code, { issue, refuse }] of Object.entries(CASES)) {
    it(`${code}: issues as its rule says and refuses with the reason`, () => {
      const issued = run(code, issue);
      expect(issued.outcome, JSON.stringify(issued.outcome)).toMatchObject({ issue: true });
      const joined = issued.text.join('');
      expect(joined).not.toMatch(/[{}]/);
      expect(issued.text.at(-1)).toBe('特此证明。');
      expect(issued.text.at(-2)).toBe('本证明用途：办理入学。');
      for (const s of issue.says) expect(joined).toContain(s);
      for (const r of refuse) {
        const { outcome } = run(code, r);
        expect(outcome.issue, `${code} should refuse ${r.because}`).toBe(false);
        if (!outcome.issue) expect(outcome.reason).toMatch(r.because);
      }
    });
  }

  it('states every marital status from the marriage record', () => {
    const status = (records: DataRecordSet) => {
      const { outcome } = run('marital_status', { records });
      return outcome.issue ? outcome.facts.maritalStatus : outcome.reason;
    };
    expect(status(set())).toBe('未婚');
    expect(status(set(married))).toBe('已婚');
    expect(status(set(rec('marriage_registration', { status: 'divorced', spouseName: 'x', registeredOn: '2020-01-01', office: 'y' })))).toBe('离异');
    expect(status(set(rec('marriage_registration', { status: 'widowed', spouseName: 'x', registeredOn: '2020-01-01', office: 'y' })))).toBe('丧偶');
  });
});
