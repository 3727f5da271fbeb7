import { Type, type Static, type TSchema } from '@sinclair/typebox';

/**
 * The data resources (数据资源) departments hold about subjects, as far as the e-proofs draw on them:
 * for each, its code, its Chinese name, the department line that holds it, and the shape of its
 * `facts` document. The shapes are TypeBox schemas: they give the TypeScript types the proof rules
 * read, and they validate every record written and read. Issue 5 grows this into the full
 * data-resource catalogue (owners, sharing conditions, legal bases); the codes stay.
 */

const Ymd = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });
const Text = Type.String({ maxLength: 500 });
const Money = Type.Number({ minimum: 0, description: 'yuan' });

/** A relative as a registry records one (户口簿成员, 配偶, 父母). */
const Relative = Type.Object({ name: Text, relation: Text, birthDate: Type.Optional(Ymd) });

/** The facts schema of every resource, by code. */
export const RESOURCE_FACTS = {
  /** 户籍信息 (公安): the household the person is registered in. `status: cancelled` = 户口已注销. */
  household_registration: Type.Object({
    address: Text,
    householder: Text,
    relationToHouseholder: Text,
    registeredOn: Ymd,
    status: Type.Union([Type.Literal('active'), Type.Literal('cancelled')]),
    members: Type.Array(Relative),
  }),
  /** 居住登记信息 (公安): where a person lives when it is not the household address. */
  residence_registration: Type.Object({ address: Text, since: Ymd }),
  /** 婚姻登记信息 (民政): the latest registration; no record = never registered a marriage. */
  marriage_registration: Type.Object({
    status: Type.Union([Type.Literal('married'), Type.Literal('divorced'), Type.Literal('widowed')]),
    spouseName: Text,
    registeredOn: Ymd,
    office: Text,
  }),
  /** 违法犯罪记录 (公安): criminal convictions; an empty list = checked, none. */
  criminal_record: Type.Object({ entries: Type.Array(Type.Object({ offence: Text, judgedOn: Ymd, court: Text })) }),
  /** 社保缴费 (人社): pension, unemployment and injury insurance contributions. */
  social_insurance: Type.Object({
    status: Type.Union([Type.Literal('active'), Type.Literal('suspended')]),
    schemes: Type.Array(Text),
    employer: Text,
    since: Ymd,
    paidMonths: Type.Integer({ minimum: 0 }),
    arrears: Type.Boolean(),
  }),
  /** 医保参保 (医保). */
  medical_insurance: Type.Object({
    scheme: Type.Union([Type.Literal('employee'), Type.Literal('resident')]),
    status: Type.Union([Type.Literal('active'), Type.Literal('suspended')]),
    since: Ymd,
  }),
  /** 公积金缴存 (公积金中心). */
  housing_fund: Type.Object({
    status: Type.Union([Type.Literal('active'), Type.Literal('sealed'), Type.Literal('closed')]),
    employer: Text,
    since: Ymd,
    monthlyDeposit: Money,
    paidMonths: Type.Integer({ minimum: 0 }),
  }),
  /** 不动产登记 (自然资源): every registered property of the subject; an empty list = none. */
  real_estate: Type.Object({
    properties: Type.Array(Type.Object({ certificateNumber: Text, location: Text, area: Type.Number({ minimum: 0 }), use: Text, registeredOn: Ymd })),
  }),
  /** 纳税信息 (税务): tax paid per year, and whether anything is overdue. */
  tax: Type.Object({
    years: Type.Array(Type.Object({ year: Type.Integer(), taxPaid: Money, kinds: Type.Array(Text) })),
    arrears: Type.Boolean(),
  }),
  /** 低保/特困 (民政): social assistance. */
  minimum_living: Type.Object({
    category: Type.Union([Type.Literal('minimum_living'), Type.Literal('extreme_poverty')]),
    status: Type.Union([Type.Literal('receiving'), Type.Literal('ended')]),
    since: Ymd,
    monthlyAmount: Money,
    householdSize: Type.Integer({ minimum: 1 }),
  }),
  /** 残疾人信息 (残联). */
  disability: Type.Object({ category: Text, grade: Text, certificateNumber: Text, since: Ymd }),
  /** 退役军人信息 (退役军人事务). */
  veteran: Type.Object({ enlistedOn: Ymd, dischargedOn: Ymd, branch: Text, category: Text }),
  /** 学籍 (教育). */
  student_status: Type.Object({
    school: Text,
    stage: Text,
    grade: Text,
    studentNumber: Text,
    enrolledOn: Ymd,
    status: Type.Union([Type.Literal('enrolled'), Type.Literal('graduated'), Type.Literal('suspended')]),
  }),
  /** 失业登记 (人社). */
  unemployment: Type.Object({ status: Type.Union([Type.Literal('registered'), Type.Literal('ended')]), registeredOn: Ymd, office: Text }),
  /** 就业登记 / 就业创业证 (人社). */
  employment: Type.Object({
    status: Type.Union([Type.Literal('employed'), Type.Literal('self_employed'), Type.Literal('unemployed')]),
    employer: Text,
    since: Ymd,
    certificateNumber: Text,
  }),
  /** 养老待遇 (人社). */
  pension: Type.Object({ receiving: Type.Boolean(), scheme: Text, since: Ymd, monthlyAmount: Money }),
  /** 市场主体登记 (市场监管): organisations. */
  market_entity: Type.Object({
    entityType: Type.Union([Type.Literal('company'), Type.Literal('individual'), Type.Literal('cooperative')]),
    status: Type.Union([Type.Literal('operating'), Type.Literal('cancelled'), Type.Literal('revoked')]),
    registeredOn: Ymd,
    address: Text,
    scope: Text,
    registeredCapital: Type.Optional(Text),
    authority: Text,
  }),
  /** 企业信用 / 违法违规 (发改, 信用信息共享平台): administrative penalties and list entries. */
  credit: Type.Object({
    penalties: Type.Array(Type.Object({ matter: Text, decidedOn: Ymd, authority: Text })),
    abnormalOperation: Type.Boolean(),
    seriousIllegal: Type.Boolean(),
  }),
  /** 车辆登记 (公安交管). */
  vehicle: Type.Object({ vehicles: Type.Array(Type.Object({ plate: Text, model: Text, registeredOn: Ymd, status: Text })) }),
  /** 驾驶人记录 (公安交管). */
  driver: Type.Object({
    licenseClass: Text,
    firstIssuedOn: Ymd,
    status: Type.Union([Type.Literal('normal'), Type.Literal('suspended'), Type.Literal('revoked')]),
    points: Type.Integer({ minimum: 0 }),
    accidents: Type.Array(Type.Object({ on: Ymd, responsibility: Type.Union([Type.Literal('full'), Type.Literal('main'), Type.Literal('equal'), Type.Literal('minor'), Type.Literal('none')]) })),
  }),
  /** 出生医学证明信息 (卫健). */
  birth: Type.Object({ birthDate: Ymd, place: Text, fatherName: Text, motherName: Text, certificateNumber: Text }),
  /** 死亡信息 (卫健, 居民死亡医学证明). */
  death: Type.Object({ diedOn: Ymd, place: Text, certificateNumber: Text }),
  /** 独生子女父母光荣证 (卫健). */
  only_child: Type.Object({ childName: Text, childBirthDate: Ymd, certificateNumber: Text, issuedOn: Ymd }),
  /** 兵役登记 (兵役机关). */
  military_service: Type.Object({ registeredOn: Ymd, year: Type.Integer(), category: Text }),
  /** 法律援助经济状况核查 (司法): household income against the local standard. */
  legal_aid: Type.Object({ monthlyIncomePerCapita: Money, localStandard: Money, assessedOn: Ymd }),
  /** 土地承包 (农业农村). */
  land_contract: Type.Object({ certificateNumber: Text, village: Text, plots: Type.Integer({ minimum: 0 }), areaMu: Type.Number({ minimum: 0 }), termFrom: Ymd, termUntil: Ymd }),
  /** 房屋安全鉴定 (住建): grade A–D per JGJ 125 (C and D are 危房). */
  building_safety: Type.Object({
    address: Text,
    appraisedOn: Ymd,
    grade: Type.Union([Type.Literal('A'), Type.Literal('B'), Type.Literal('C'), Type.Literal('D')]),
    agency: Text,
  }),
} satisfies Record<string, TSchema>;

/** A resource code, e.g. `criminal_record`. */
export type ResourceCode = keyof typeof RESOURCE_FACTS;

/** The facts of one resource, as the rules read them. */
export type ResourceFacts = { [K in ResourceCode]: Static<(typeof RESOURCE_FACTS)[K]> };

/** A data resource as the catalogue lists it. */
export interface DataResource {
  code: ResourceCode;
  name: string;
  /** The department line that holds the data. */
  holdingLine: string;
}

/** The catalogue: each resource's Chinese name and holding line. */
export const DATA_RESOURCES: readonly DataResource[] = [
  { code: 'household_registration', name: '户籍信息', holdingLine: 'public_security' },
  { code: 'residence_registration', name: '居住登记信息', holdingLine: 'public_security' },
  { code: 'marriage_registration', name: '婚姻登记信息', holdingLine: 'civil_affairs' },
  { code: 'criminal_record', name: '违法犯罪记录', holdingLine: 'public_security' },
  { code: 'social_insurance', name: '社会保险缴费信息', holdingLine: 'human_resources_social_security' },
  { code: 'medical_insurance', name: '医疗保险参保信息', holdingLine: 'healthcare_security' },
  { code: 'housing_fund', name: '住房公积金缴存信息', holdingLine: 'housing_provident_fund' },
  { code: 'real_estate', name: '不动产登记信息', holdingLine: 'natural_resources' },
  { code: 'tax', name: '纳税信息', holdingLine: 'taxation' },
  { code: 'minimum_living', name: '低保、特困救助信息', holdingLine: 'civil_affairs' },
  { code: 'disability', name: '残疾人信息', holdingLine: 'disabled_persons' },
  { code: 'veteran', name: '退役军人信息', holdingLine: 'veterans_affairs' },
  { code: 'student_status', name: '学籍信息', holdingLine: 'education' },
  { code: 'unemployment', name: '失业登记信息', holdingLine: 'human_resources_social_security' },
  { code: 'employment', name: '就业登记信息', holdingLine: 'human_resources_social_security' },
  { code: 'pension', name: '养老保险待遇信息', holdingLine: 'human_resources_social_security' },
  { code: 'market_entity', name: '市场主体登记信息', holdingLine: 'market_regulation' },
  { code: 'credit', name: '企业信用信息（行政处罚、经营异常、严重违法失信）', holdingLine: 'development_reform' },
  { code: 'vehicle', name: '机动车登记信息', holdingLine: 'public_security' },
  { code: 'driver', name: '驾驶人信息', holdingLine: 'public_security' },
  { code: 'birth', name: '出生医学证明信息', holdingLine: 'health' },
  { code: 'death', name: '死亡医学证明信息', holdingLine: 'health' },
  { code: 'only_child', name: '独生子女信息', holdingLine: 'health' },
  { code: 'military_service', name: '兵役登记信息', holdingLine: 'military_service' },
  { code: 'legal_aid', name: '法律援助经济状况信息', holdingLine: 'justice' },
  { code: 'land_contract', name: '农村土地承包经营权信息', holdingLine: 'agriculture_rural' },
  { code: 'building_safety', name: '房屋安全鉴定信息', holdingLine: 'housing_construction' },
];

const byCode = new Map(DATA_RESOURCES.map((r) => [r.code, r]));

/** True for a code in the catalogue. */
export function isResourceCode(code: string): code is ResourceCode {
  return byCode.has(code as ResourceCode);
}

/** A resource by code. */
export function dataResource(code: ResourceCode): DataResource {
  const resource = byCode.get(code);
  if (!resource) throw new Error(`data resource ${code} is not in the catalogue`);
  return resource;
}
