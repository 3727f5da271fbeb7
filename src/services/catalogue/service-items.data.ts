import type { DataCheck, MaterialDefinition, ServiceItemDefinition } from './service-item.definition.js';

/**
 * The service catalogue (政务服务事项目录) seeded into every installation: real items as Yiyang's
 * windows handle them, by department line and level, with the legal basis as it is cited, the
 * promised and statutory time limits in working days, and the materials a window asks for, each
 * marked with how the government spares the applicant from submitting it (免提交).
 *
 * Legal bases name an article only where the article is certain; otherwise the law or regulation
 * alone. Township items are handled by the township's 便民服务中心 (line `government_services`),
 * the only department a township has; the county line approves behind it.
 */

const person = ['person'] as const;
const org = ['organization'] as const;
const both = ['person', 'organization'] as const;

// ── Material builders ────────────────────────────────────────────────────────────────────────────

/** An application form (申请书 / 申请表 / 登记表): always signed by the applicant, always critical. */
function form(name: string, notes?: string): MaterialDefinition {
  return { name, kind: 'form', exemption: 'none', critical: true, ...(notes ? { notes } : {}) };
}

/** A licence the registry holds: looked up instead of submitted. */
function license(licenseType: string, name: string, critical = true, notes?: string): MaterialDefinition {
  return { name, kind: 'license', licenseType, exemption: 'license', critical, ...(notes ? { notes } : {}) };
}

/** A proof issued automatically from departmental data. */
function proof(proofType: string, name: string, critical = false, notes?: string): MaterialDefinition {
  return { name, kind: 'proof', proofType, exemption: 'proof', critical, ...(notes ? { notes } : {}) };
}

/** A fact checked directly against a department's data resource. */
function data(name: string, check: DataCheck, critical = true, notes?: string): MaterialDefinition {
  return { name, kind: 'data', exemption: 'data', check, critical, ...(notes ? { notes } : {}) };
}

/** A hard-to-get proof replaced by a signed commitment (告知承诺), checked later where a resource allows. */
function commitment(name: string, commitmentText: string, check?: DataCheck, critical = false): MaterialDefinition {
  return { name, kind: 'other', exemption: 'commitment', commitmentText, critical, ...(check ? { check } : {}) };
}

/** A document the applicant still submits (原件核验 or a copy). */
function submit(name: string, critical = false, notes?: string): MaterialDefinition {
  return { name, kind: 'other', exemption: 'none', critical, ...(notes ? { notes } : {}) };
}

/** A material no longer required (取消的证明材料); kept in the catalogue so the window knows not to ask. */
function cancelled(name: string, notes: string, proofType?: string): MaterialDefinition {
  return proofType
    ? { name, kind: 'proof', proofType, exemption: 'cancelled', critical: false, notes }
    : { name, kind: 'other', exemption: 'cancelled', critical: false, notes };
}

// ── Common materials ─────────────────────────────────────────────────────────────────────────────

const HOUSEHOLD_ACTIVE: DataCheck = { resource: 'household_registration', require: 'field', field: 'status', equals: 'active' };

const idCard = license('resident_id_card', '申请人居民身份证', true, '核验居民身份证电子证照，免交复印件');
const household = (critical = true) => data('居民户口簿', HOUSEHOLD_ACTIVE, critical, '核验户籍信息，免交户口簿');
const businessLicense = license('business_license', '营业执照', true, '核验营业执照电子证照');
const ssCard = license('social_security_card', '社会保障卡（金融账户）', false, '待遇发放账户；未领卡的可提供本人银行账户');
const photo = (critical = false) => submit('近期免冠彩色照片', critical, '窗口现场采集的，不另交');
const maritalStatus = (critical = false) => proof('marital_status', '婚姻状况证明', critical, '由婚姻登记信息自动生成');
const healthCertificates = submit('从业人员健康证明', false, '直接接触入口食品或顾客的从业人员');
const premises = commitment(
  '经营场所使用证明',
  '本单位（本人）承诺对所申报的经营场所依法享有使用权，场所不存在权属争议，用途符合规定；如有不实，愿承担相应法律责任。',
);
const incomeCommitment = commitment(
  '家庭收入和财产状况证明',
  '本人承诺所申报的共同生活家庭成员、收入和财产状况真实完整，同意并授权民政部门开展家庭经济状况核对；如有虚报瞒报，愿退还所得救助并承担法律责任。',
);
const kinshipCancelled = cancelled('亲属关系证明', '已取消：家庭成员关系由户籍信息核实，不再要求开具', 'kinship');
const enterpriseCredit = proof('enterprise_credit', '企业信用信息证明', false, '核查行政处罚、经营异常和严重违法失信记录');
const taxCleared: DataCheck = { resource: 'tax', require: 'field', field: 'arrears', equals: false };

/** The three materials every licence renewal (延续) by an organisation starts with. */
function renewalBasics(formName: string, licenseType: string, licenseName: string): MaterialDefinition[] {
  return [form(formName), businessLicense, license(licenseType, `原${licenseName}`)];
}

// ── The catalogue ────────────────────────────────────────────────────────────────────────────────

const FOOD_LAW = '《中华人民共和国食品安全法》第三十五条';
const FOOD_BUSINESS = `${FOOD_LAW}；《食品经营许可和备案管理办法》（国家市场监督管理总局令第78号）`;
const FOOD_PRODUCTION = `${FOOD_LAW}；《食品生产许可管理办法》（国家市场监督管理总局令第24号）`;
const FOOD_WORKSHOP = '《湖南省食品生产加工小作坊小餐饮和食品摊贩管理条例》';
const DRUG_BUSINESS = '《中华人民共和国药品管理法》第五十一条；《药品经营和使用质量监督管理办法》（国家市场监督管理总局令第84号）';
const DEVICE_BUSINESS = '《医疗器械监督管理条例》第四十二条；《医疗器械经营监督管理办法》（国家市场监督管理总局令第54号）';
const MARKET_ENTITY = '《中华人民共和国市场主体登记管理条例》';

const marketRegulation: ServiceItemDefinition[] = [
  {
    code: 'svc.business_license.new', name: '公司设立登记', line: 'market_regulation', level: 'county', targets: both, category: 'new',
    legalBasis: `《中华人民共和国公司法》；${MARKET_ENTITY}`, timeLimitDays: 1, statutoryDays: 3,
    materials: [
      form('公司登记（备案）申请书'),
      submit('公司章程', true),
      license('resident_id_card', '股东、法定代表人身份证件', true, '自然人股东和法定代表人的居民身份证电子证照'),
      submit('法定代表人、董事、监事和经理的任职文件', true),
      commitment('住所使用证明', '本公司承诺对申报的住所依法享有使用权，住所真实存在且可以联系；如有不实，愿承担相应法律责任并接受登记机关依法处理。'),
    ],
  },
  {
    code: 'svc.business_license.change', name: '营业执照变更登记', line: 'market_regulation', level: 'county', targets: org, category: 'change',
    legalBasis: `${MARKET_ENTITY}第二十四条`, timeLimitDays: 1, statutoryDays: 3, licenseType: 'business_license',
    materials: [
      form('市场主体变更登记申请书'),
      businessLicense,
      submit('变更决议或者决定', true),
      submit('修改后的章程或者章程修正案', false),
      commitment('新住所使用证明', '本单位承诺对变更后的住所依法享有使用权，住所真实存在且可以联系；如有不实，愿承担相应法律责任。'),
    ],
  },
  {
    code: 'svc.business_license.cancel', name: '企业注销登记', line: 'market_regulation', level: 'county', targets: org, category: 'cancel',
    legalBasis: `《中华人民共和国公司法》；${MARKET_ENTITY}`, timeLimitDays: 1, statutoryDays: 3,
    materials: [
      form('注销登记申请书'),
      businessLicense,
      submit('依法作出的解散决议或者决定及清算报告', true),
      data('清税信息', taxCleared, true, '与税务部门共享清税信息，不再提交清税证明'),
    ],
  },
  {
    code: 'svc.individual_business.new', name: '个体工商户设立登记', line: 'market_regulation', level: 'county', targets: person, category: 'new',
    legalBasis: `《促进个体工商户发展条例》（国务院令第755号）；${MARKET_ENTITY}`, timeLimitDays: 1, statutoryDays: 3,
    materials: [form('个体工商户登记（备案）申请书'), license('resident_id_card', '经营者居民身份证'), premises],
  },
  {
    code: 'svc.individual_business.cancel', name: '个体工商户注销登记', line: 'market_regulation', level: 'county', targets: org, category: 'cancel',
    legalBasis: `《促进个体工商户发展条例》（国务院令第755号）；${MARKET_ENTITY}`, timeLimitDays: 1, statutoryDays: 3,
    materials: [form('个体工商户注销登记申请书'), businessLicense, data('清税信息', taxCleared, true, '与税务部门共享清税信息，不再提交清税证明')],
  },
  {
    code: 'svc.food_business_license.new', name: '食品经营许可（新办）', line: 'market_regulation', level: 'county', targets: org, category: 'new',
    legalBasis: FOOD_BUSINESS, timeLimitDays: 5, statutoryDays: 20,
    materials: [
      form('食品经营许可申请书'),
      businessLicense,
      premises,
      submit('与食品经营相适应的主要设备设施、经营布局、操作流程等文件'),
      submit('食品安全自查、从业人员健康管理、进货查验记录、食品安全事故处置等保证食品安全的规章制度'),
      submit('食品安全管理人员名单及培训考核情况'),
      healthCertificates,
    ],
  },
  {
    code: 'svc.food_business_license.change', name: '食品经营许可变更', line: 'market_regulation', level: 'county', targets: org, category: 'change',
    legalBasis: FOOD_BUSINESS, timeLimitDays: 3, statutoryDays: 20, licenseType: 'food_business_license',
    materials: [form('食品经营许可变更申请书'), businessLicense, license('food_business_license', '原食品经营许可证'), submit('与变更事项有关的材料')],
  },
  {
    code: 'svc.food_business_license.renew', name: '食品经营许可延续', line: 'market_regulation', level: 'county', targets: org, category: 'renew',
    legalBasis: FOOD_BUSINESS, timeLimitDays: 5, statutoryDays: 20, licenseType: 'food_business_license',
    materials: [
      ...renewalBasics('食品经营许可延续申请书', 'food_business_license', '食品经营许可证'),
      healthCertificates,
      submit('食品经营条件变化情况说明', false, '条件未变化的，在申请书中声明即可'),
    ],
  },
  {
    code: 'svc.food_business_license.cancel', name: '食品经营许可注销', line: 'market_regulation', level: 'county', targets: org, category: 'cancel',
    legalBasis: FOOD_BUSINESS, timeLimitDays: 1, statutoryDays: 20,
    materials: [form('食品经营许可注销申请书'), license('food_business_license', '原食品经营许可证')],
  },
  {
    code: 'svc.food_production_license.new', name: '食品生产许可（新办）', line: 'market_regulation', level: 'city', targets: org, category: 'new',
    legalBasis: FOOD_PRODUCTION, timeLimitDays: 10, statutoryDays: 20,
    materials: [
      form('食品生产许可申请书'),
      businessLicense,
      premises,
      submit('食品生产加工场所及其周围环境平面图、各功能区间布局平面图、工艺设备布局图和食品生产工艺流程图'),
      submit('食品生产主要设备、设施清单'),
      submit('专职或者兼职的食品安全专业技术人员、食品安全管理人员信息和食品安全管理制度'),
    ],
  },
  {
    code: 'svc.food_production_license.change', name: '食品生产许可变更', line: 'market_regulation', level: 'city', targets: org, category: 'change',
    legalBasis: FOOD_PRODUCTION, timeLimitDays: 5, statutoryDays: 20, licenseType: 'food_production_license',
    materials: [form('食品生产许可变更申请书'), businessLicense, license('food_production_license', '原食品生产许可证'), submit('与变更食品生产许可事项有关的其他材料')],
  },
  {
    code: 'svc.food_production_license.renew', name: '食品生产许可延续', line: 'market_regulation', level: 'city', targets: org, category: 'renew',
    legalBasis: FOOD_PRODUCTION, timeLimitDays: 10, statutoryDays: 20, licenseType: 'food_production_license',
    materials: [
      ...renewalBasics('食品生产许可延续申请书', 'food_production_license', '食品生产许可证'),
      submit('生产条件变化情况说明', false, '生产条件未变化的，在申请书中声明即可'),
    ],
  },
  {
    code: 'svc.food_workshop_registration.new', name: '食品生产加工小作坊登记', line: 'market_regulation', level: 'county', targets: org, category: 'new',
    legalBasis: FOOD_WORKSHOP, timeLimitDays: 5, statutoryDays: 15,
    materials: [form('食品小作坊登记申请表'), businessLicense, premises, healthCertificates, submit('生产工艺流程及主要设备清单')],
  },
  {
    code: 'svc.food_workshop_registration.renew', name: '食品小作坊登记证延续', line: 'market_regulation', level: 'county', targets: org, category: 'renew',
    legalBasis: FOOD_WORKSHOP, timeLimitDays: 5, statutoryDays: 15, licenseType: 'food_workshop_registration',
    materials: [...renewalBasics('食品小作坊登记证延续申请表', 'food_workshop_registration', '食品小作坊登记证'), healthCertificates],
  },
  {
    code: 'svc.drug_business_license.new', name: '药品经营许可（零售）', line: 'market_regulation', level: 'county', targets: org, category: 'new',
    legalBasis: DRUG_BUSINESS, timeLimitDays: 10, statutoryDays: 20,
    materials: [
      form('药品经营许可证申请表'),
      businessLicense,
      premises,
      submit('执业药师（质量负责人）注册证及聘用合同', true, '原件核验'),
      submit('药品质量管理制度文件'),
      submit('经营设施、设备目录及营业场所平面布局图'),
    ],
  },
  {
    code: 'svc.drug_business_license.change', name: '药品经营许可变更', line: 'market_regulation', level: 'county', targets: org, category: 'change',
    legalBasis: DRUG_BUSINESS, timeLimitDays: 5, statutoryDays: 20, licenseType: 'drug_business_license',
    materials: [form('药品经营许可证变更申请表'), businessLicense, license('drug_business_license', '原药品经营许可证'), submit('与变更事项有关的材料')],
  },
  {
    code: 'svc.drug_business_license.renew', name: '药品经营许可证延续', line: 'market_regulation', level: 'county', targets: org, category: 'renew',
    legalBasis: DRUG_BUSINESS, timeLimitDays: 10, statutoryDays: 20, licenseType: 'drug_business_license',
    materials: [...renewalBasics('药品经营许可证延续申请表', 'drug_business_license', '药品经营许可证'), submit('药品经营质量管理规范符合性自查报告')],
  },
  {
    code: 'svc.medical_device_business_license.new', name: '第三类医疗器械经营许可', line: 'market_regulation', level: 'city', targets: org, category: 'new',
    legalBasis: DEVICE_BUSINESS, timeLimitDays: 10, statutoryDays: 20,
    materials: [
      form('医疗器械经营许可申请表'),
      businessLicense,
      premises,
      submit('质量负责人身份证明、学历或者职称相关材料'),
      submit('经营质量管理制度、工作程序等文件目录'),
    ],
  },
  {
    code: 'svc.medical_device_business_license.renew', name: '第三类医疗器械经营许可延续', line: 'market_regulation', level: 'city', targets: org, category: 'renew',
    legalBasis: DEVICE_BUSINESS, timeLimitDays: 10, statutoryDays: 20, licenseType: 'medical_device_business_license',
    materials: [...renewalBasics('医疗器械经营许可延续申请表', 'medical_device_business_license', '医疗器械经营许可证'), submit('经营质量管理体系自查报告')],
  },
  {
    code: 'svc.medical_device_filing.new', name: '第二类医疗器械经营备案', line: 'market_regulation', level: 'city', targets: org, category: 'new',
    legalBasis: '《医疗器械监督管理条例》第四十一条；《医疗器械经营监督管理办法》（国家市场监督管理总局令第54号）', timeLimitDays: 1, statutoryDays: 1,
    materials: [form('第二类医疗器械经营备案表'), businessLicense, premises, submit('经营质量管理制度、工作程序等文件目录')],
  },
  {
    code: 'svc.licensed_pharmacist.new', name: '执业药师注册', line: 'market_regulation', level: 'city', targets: person, category: 'new',
    legalBasis: '《执业药师职业资格制度规定》；《执业药师注册管理办法》', timeLimitDays: 10, statutoryDays: 20,
    materials: [
      form('执业药师注册申请表'),
      idCard,
      submit('执业药师职业资格证书', true),
      data('执业单位工作证明', { resource: 'social_insurance', require: 'active' }, false, '以执业单位社保缴费信息核验在岗情况'),
      commitment('健康状况证明', '本人承诺身体健康，能够坚持在执业药师岗位工作；如有不实，愿承担相应法律责任。'),
    ],
  },
  {
    code: 'svc.licensed_pharmacist.renew', name: '执业药师延续注册', line: 'market_regulation', level: 'city', targets: person, category: 'renew',
    legalBasis: '《执业药师职业资格制度规定》；《执业药师注册管理办法》', timeLimitDays: 10, statutoryDays: 20, licenseType: 'licensed_pharmacist',
    materials: [form('执业药师延续注册申请表'), idCard, license('licensed_pharmacist', '原执业药师注册证'), submit('继续教育学分证明')],
  },
  {
    code: 'svc.special_equipment_registration.new', name: '特种设备使用登记', line: 'market_regulation', level: 'county', targets: org, category: 'new',
    legalBasis: '《中华人民共和国特种设备安全法》第三十三条；《特种设备使用管理规则》（TSG 08）', timeLimitDays: 3, statutoryDays: 15,
    materials: [form('特种设备使用登记表'), businessLicense, submit('特种设备产品合格证', true), submit('特种设备监督检验证明')],
  },
];

const ROAD_TRANSPORT = '《中华人民共和国道路运输条例》；《道路货物运输及站场管理规定》';

const transport: ServiceItemDefinition[] = [
  {
    code: 'svc.road_transport_business_license.new', name: '道路货物运输经营许可', line: 'transport', level: 'county', targets: org, category: 'new',
    legalBasis: ROAD_TRANSPORT, timeLimitDays: 5, statutoryDays: 20,
    materials: [
      form('道路货物运输经营申请表'),
      businessLicense,
      commitment('拟投入车辆承诺书', '本单位承诺拟投入运营的车辆符合国家规定的技术标准，取得道路运输证后方投入营运；如有不实，愿承担相应法律责任。'),
      submit('聘用驾驶人员的机动车驾驶证、从业资格证'),
      submit('安全生产管理制度文本'),
    ],
  },
  {
    code: 'svc.road_transport_business_license.renew', name: '道路运输经营许可证延续', line: 'transport', level: 'county', targets: org, category: 'renew',
    legalBasis: ROAD_TRANSPORT, timeLimitDays: 5, statutoryDays: 20, licenseType: 'road_transport_business_license',
    materials: [...renewalBasics('道路运输经营许可证换证申请表', 'road_transport_business_license', '道路运输经营许可证'), submit('安全生产管理制度文本'), enterpriseCredit],
  },
  {
    code: 'svc.road_transport_certificate.new', name: '道路运输证配发', line: 'transport', level: 'county', targets: org, category: 'new',
    legalBasis: ROAD_TRANSPORT, timeLimitDays: 1, statutoryDays: 5,
    materials: [
      form('道路运输证配发申请表'),
      businessLicense,
      license('vehicle_license', '机动车行驶证'),
      cancelled('车辆综合性能检测报告', '已取消："三检合一"后与机动车安全技术检验合并，联网核查'),
    ],
  },
  {
    code: 'svc.road_transport_certificate.renew', name: '道路运输证换发', line: 'transport', level: 'county', targets: org, category: 'renew',
    legalBasis: ROAD_TRANSPORT, timeLimitDays: 1, statutoryDays: 5, licenseType: 'road_transport_certificate',
    materials: [
      ...renewalBasics('道路运输证换发申请表', 'road_transport_certificate', '道路运输证'),
      license('vehicle_license', '机动车行驶证'),
      cancelled('车辆综合性能检测报告', '已取消："三检合一"后与机动车安全技术检验合并，联网核查'),
    ],
  },
  {
    code: 'svc.transport_worker_qualification.new', name: '道路运输从业人员从业资格证核发', line: 'transport', level: 'city', targets: person, category: 'new',
    legalBasis: '《中华人民共和国道路运输条例》；《道路运输从业人员管理规定》', timeLimitDays: 5, statutoryDays: 10,
    materials: [form('道路运输从业人员从业资格考试申请表'), idCard, license('driving_license', '机动车驾驶证'), proof('safe_driving', '驾驶人安全驾驶证明', true, '核查近三年无重大以上交通责任事故')],
  },
  {
    code: 'svc.transport_worker_qualification.renew', name: '道路运输从业人员从业资格证换证', line: 'transport', level: 'city', targets: person, category: 'renew',
    legalBasis: '《中华人民共和国道路运输条例》；《道路运输从业人员管理规定》', timeLimitDays: 5, statutoryDays: 10, licenseType: 'transport_worker_qualification',
    materials: [form('从业资格证换证申请表'), idCard, license('transport_worker_qualification', '原从业资格证'), license('driving_license', '机动车驾驶证')],
  },
  {
    code: 'svc.taxi_business_license.new', name: '巡游出租汽车经营许可', line: 'transport', level: 'city', targets: org, category: 'new',
    legalBasis: '《国务院对确需保留的行政审批项目设定行政许可的决定》（国务院令第412号）；《巡游出租汽车经营服务管理规定》', timeLimitDays: 10, statutoryDays: 20,
    materials: [
      form('巡游出租汽车经营申请表'),
      businessLicense,
      commitment('投入运营车辆承诺书', '本单位承诺投入运营的车辆符合国家和本市规定的技术条件和车型要求；如有不实，愿承担相应法律责任。'),
      submit('经营管理制度、安全生产管理制度和服务质量保障制度文本'),
    ],
  },
  {
    code: 'svc.taxi_business_license.renew', name: '出租汽车经营许可延续', line: 'transport', level: 'city', targets: org, category: 'renew',
    legalBasis: '《国务院对确需保留的行政审批项目设定行政许可的决定》（国务院令第412号）；《巡游出租汽车经营服务管理规定》', timeLimitDays: 10, statutoryDays: 20, licenseType: 'taxi_business_license',
    materials: [
      ...renewalBasics('出租汽车经营许可延续申请表', 'taxi_business_license', '出租汽车经营许可证'),
      cancelled('服务质量信誉考核结果', '已取消：由交通运输部门内部核查，申请人不再提交'),
    ],
  },
  {
    code: 'svc.road_works.permit', name: '涉路施工许可', line: 'transport', level: 'county', targets: org, category: 'other',
    legalBasis: '《中华人民共和国公路法》；《公路安全保护条例》', timeLimitDays: 10, statutoryDays: 20,
    materials: [form('涉路施工许可申请书'), businessLicense, submit('涉路工程设计图及施工方案', true), submit('保障公路、公路附属设施质量和安全的技术评价报告'), submit('处置施工险情和意外事故的应急预案')],
  },
];

const BUILDING_LAW = '《中华人民共和国建筑法》';

const housingConstruction: ServiceItemDefinition[] = [
  {
    code: 'svc.construction_permit.new', name: '建筑工程施工许可证核发', line: 'housing_construction', level: 'county', targets: org, category: 'new',
    legalBasis: `${BUILDING_LAW}第七条、第八条；《建筑工程施工许可管理办法》（住房和城乡建设部令第18号）`, timeLimitDays: 3, statutoryDays: 7,
    materials: [
      form('建筑工程施工许可申请表'),
      businessLicense,
      license('real_estate_certificate', '建设用地不动产权证书', true, '建设用地使用权登记信息'),
      submit('建设工程规划许可证', true),
      submit('中标通知书及施工合同', true),
      cancelled('施工图设计文件审查合格书', '已取消：施工图审查结果通过工程建设项目审批管理系统共享'),
      commitment('建设资金已经落实承诺书', '本单位承诺本工程建设资金已经落实，并按合同约定及时足额支付工程款；如有不实，愿承担相应法律责任。'),
      submit('保证工程质量和安全的具体措施'),
    ],
  },
  {
    code: 'svc.construction_enterprise_qualification.new', name: '建筑业企业资质核准（施工总承包三级等）', line: 'housing_construction', level: 'city', targets: org, category: 'new',
    legalBasis: `${BUILDING_LAW}第十三条；《建筑业企业资质管理规定》（住房和城乡建设部令第22号）`, timeLimitDays: 10, statutoryDays: 20,
    materials: [
      form('建筑业企业资质申请表'),
      businessLicense,
      submit('企业净资产证明（上一年度财务审计报告）'),
      cancelled('主要人员社会保险缴费证明', '已取消：由住房城乡建设部门通过社保信息联网核查'),
      submit('技术装备及主要人员职称、注册证书'),
    ],
  },
  {
    code: 'svc.construction_enterprise_qualification.change', name: '建筑业企业资质变更', line: 'housing_construction', level: 'city', targets: org, category: 'change',
    legalBasis: `${BUILDING_LAW}第十三条；《建筑业企业资质管理规定》（住房和城乡建设部令第22号）`, timeLimitDays: 5, statutoryDays: 20, licenseType: 'construction_enterprise_qualification',
    materials: [form('建筑业企业资质变更申请表'), businessLicense, license('construction_enterprise_qualification', '原建筑业企业资质证书'), submit('变更事项的相关材料')],
  },
  {
    code: 'svc.construction_enterprise_qualification.renew', name: '建筑业企业资质延续', line: 'housing_construction', level: 'city', targets: org, category: 'renew',
    legalBasis: `${BUILDING_LAW}第十三条；《建筑业企业资质管理规定》（住房和城乡建设部令第22号）`, timeLimitDays: 10, statutoryDays: 20, licenseType: 'construction_enterprise_qualification',
    materials: [
      ...renewalBasics('建筑业企业资质延续申请表', 'construction_enterprise_qualification', '建筑业企业资质证书'),
      license('safety_production_license', '安全生产许可证'),
      enterpriseCredit,
    ],
  },
  {
    code: 'svc.gas_business_license.new', name: '燃气经营许可', line: 'housing_construction', level: 'county', targets: org, category: 'new',
    legalBasis: '《城镇燃气管理条例》第十五条；《燃气经营许可管理办法》', timeLimitDays: 10, statutoryDays: 20,
    materials: [
      form('燃气经营许可申请书'),
      businessLicense,
      license('real_estate_certificate', '燃气设施用地不动产权证书'),
      submit('燃气设施安全评价报告'),
      submit('主要负责人、安全生产管理人员及运行维护和抢修人员的专业培训考核合格证'),
      submit('燃气安全事故应急预案'),
    ],
  },
  {
    code: 'svc.gas_business_license.renew', name: '燃气经营许可证延续', line: 'housing_construction', level: 'county', targets: org, category: 'renew',
    legalBasis: '《城镇燃气管理条例》第十五条；《燃气经营许可管理办法》', timeLimitDays: 10, statutoryDays: 20, licenseType: 'gas_business_license',
    materials: [...renewalBasics('燃气经营许可证延续申请书', 'gas_business_license', '燃气经营许可证'), submit('燃气设施安全评价报告'), submit('燃气安全事故应急预案')],
  },
  {
    code: 'svc.drainage_permit.new', name: '城镇污水排入排水管网许可', line: 'housing_construction', level: 'county', targets: org, category: 'new',
    legalBasis: '《城镇排水与污水处理条例》；《城镇污水排入排水管网许可管理办法》（住房和城乡建设部令第21号）', timeLimitDays: 5, statutoryDays: 20,
    materials: [
      form('城镇污水排入排水管网许可申请表'),
      businessLicense,
      submit('排水户内部排水管网、专用检测井、污水排放口位置和口径的图纸及说明'),
      submit('排水水质检测报告'),
      submit('预处理设施的处理能力及运行情况说明'),
    ],
  },
  {
    code: 'svc.drainage_permit.renew', name: '城镇污水排入排水管网许可证延续', line: 'housing_construction', level: 'county', targets: org, category: 'renew',
    legalBasis: '《城镇排水与污水处理条例》；《城镇污水排入排水管网许可管理办法》（住房和城乡建设部令第21号）', timeLimitDays: 5, statutoryDays: 20, licenseType: 'drainage_permit',
    materials: [...renewalBasics('排水许可延续申请表', 'drainage_permit', '排水许可证'), submit('排水水质检测报告')],
  },
  {
    code: 'svc.presale_permit.new', name: '商品房预售许可', line: 'housing_construction', level: 'city', targets: org, category: 'new',
    legalBasis: '《中华人民共和国城市房地产管理法》第四十五条；《城市商品房预售管理办法》', timeLimitDays: 5, statutoryDays: 10,
    materials: [
      form('商品房预售许可申请表'),
      businessLicense,
      license('real_estate_certificate', '土地使用权不动产权证书'),
      license('construction_permit', '建筑工程施工许可证'),
      submit('建设工程规划许可证', true),
      submit('投入开发建设的资金达到工程建设总投资百分之二十五以上的证明', true),
      submit('商品房预售方案'),
    ],
  },
  {
    code: 'svc.fire_acceptance.apply', name: '建设工程消防验收', line: 'housing_construction', level: 'county', targets: org, category: 'other',
    legalBasis: '《中华人民共和国消防法》第十三条；《建设工程消防设计审查验收管理暂行规定》', timeLimitDays: 10, statutoryDays: 15,
    materials: [form('消防验收申请表'), businessLicense, license('construction_permit', '建筑工程施工许可证'), submit('工程竣工验收报告', true), submit('涉及消防的建设工程竣工图纸')],
  },
  {
    code: 'svc.public_rental_housing.apply', name: '公共租赁住房申请', line: 'housing_construction', level: 'county', targets: person, category: 'other',
    legalBasis: '《公共租赁住房管理办法》（住房和城乡建设部令第11号）', timeLimitDays: 20, statutoryDays: 30,
    materials: [
      form('公共租赁住房申请表'),
      idCard,
      household(false),
      proof('no_property', '无房证明', true, '由不动产登记信息自动生成'),
      incomeCommitment,
      maritalStatus(),
      data('就业和社保缴费情况', { resource: 'social_insurance', require: 'active' }, false, '外来务工人员申请时核验'),
    ],
  },
  {
    code: 'svc.rural_dilapidated_housing.apply', name: '农村危房改造补助申请', line: 'housing_construction', level: 'county', targets: person, category: 'other',
    legalBasis: '《住房和城乡建设部 财政部 民政部 国家乡村振兴局关于做好农村低收入群体等重点对象住房安全保障工作的实施意见》', timeLimitDays: 20, statutoryDays: 30,
    materials: [form('农村危房改造申请表'), idCard, household(), proof('dangerous_building', '危房鉴定证明', true, '由房屋安全鉴定信息自动生成'), proof('minimum_living', '低保证明')],
  },
];

const REAL_ESTATE = '《不动产登记暂行条例》；《不动产登记暂行条例实施细则》';
const registrationForm = form('不动产登记申请书');
const realEstateCertificate = license('real_estate_certificate', '不动产权证书');

const naturalResources: ServiceItemDefinition[] = [
  {
    code: 'svc.real_estate.transfer', name: '不动产转移登记（存量房买卖）', line: 'natural_resources', level: 'county', targets: person, category: 'other',
    legalBasis: `《中华人民共和国民法典》第二百零九条；${REAL_ESTATE}`, timeLimitDays: 3, statutoryDays: 30,
    materials: [
      registrationForm,
      idCard,
      realEstateCertificate,
      submit('存量房买卖合同', true, '网签备案合同由系统共享的，不另交'),
      data('契税完税信息', { resource: 'tax', require: 'exists' }, true, '"一窗受理"，税务部门推送完税信息'),
      maritalStatus(),
    ],
  },
  {
    code: 'svc.real_estate.mortgage', name: '不动产抵押登记', line: 'natural_resources', level: 'county', targets: person, category: 'other',
    legalBasis: `《中华人民共和国民法典》第四百零二条；${REAL_ESTATE}`, timeLimitDays: 2, statutoryDays: 30,
    materials: [registrationForm, idCard, realEstateCertificate, submit('主债权合同和抵押合同', true), maritalStatus()],
  },
  {
    code: 'svc.real_estate.change', name: '不动产变更登记', line: 'natural_resources', level: 'county', targets: person, category: 'change',
    legalBasis: `《中华人民共和国民法典》第二百零九条；${REAL_ESTATE}`, timeLimitDays: 3, statutoryDays: 30, licenseType: 'real_estate_certificate',
    materials: [
      registrationForm,
      idCard,
      realEstateCertificate,
      data('权利人姓名或者身份证明号码变更的证明', { resource: 'household_registration', require: 'exists' }, false, '由户籍信息核实变更情况'),
    ],
  },
  {
    code: 'svc.real_estate.first_registration', name: '国有建设用地使用权及房屋所有权首次登记', line: 'natural_resources', level: 'county', targets: org, category: 'new',
    legalBasis: `《中华人民共和国民法典》第二百零九条；${REAL_ESTATE}`, timeLimitDays: 5, statutoryDays: 30,
    materials: [
      registrationForm,
      businessLicense,
      license('real_estate_certificate', '国有建设用地使用权不动产权证书'),
      submit('建设工程符合规划的材料', true),
      submit('建设工程已竣工的材料'),
      submit('房屋测绘报告'),
    ],
  },
  {
    code: 'svc.real_estate.mortgage_cancel', name: '不动产抵押权注销登记', line: 'natural_resources', level: 'county', targets: person, category: 'cancel',
    legalBasis: `《中华人民共和国民法典》；${REAL_ESTATE}`, timeLimitDays: 1, statutoryDays: 30,
    materials: [registrationForm, idCard, submit('不动产登记证明（抵押权）', true), submit('抵押权消灭的材料', true)],
  },
  {
    code: 'svc.real_estate.record_query', name: '不动产登记资料查询', line: 'natural_resources', level: 'county', targets: person, category: 'other',
    legalBasis: '《不动产登记资料查询暂行办法》', timeLimitDays: 1, statutoryDays: 1,
    materials: [form('不动产登记资料查询申请书'), idCard],
  },
  {
    code: 'svc.construction_planning_permit.new', name: '建设工程规划许可证核发', line: 'natural_resources', level: 'county', targets: org, category: 'new',
    legalBasis: '《中华人民共和国城乡规划法》第四十条', timeLimitDays: 10, statutoryDays: 20,
    materials: [
      form('建设工程规划许可申请表'),
      businessLicense,
      license('real_estate_certificate', '建设用地不动产权证书'),
      submit('建设工程设计方案', true),
      submit('建设项目批准、核准或者备案文件'),
    ],
  },
  {
    code: 'svc.rural_planning_permit.new', name: '乡村建设规划许可证核发', line: 'natural_resources', level: 'county', targets: person, category: 'new',
    legalBasis: '《中华人民共和国城乡规划法》第四十一条', timeLimitDays: 10, statutoryDays: 20,
    materials: [form('乡村建设规划许可申请表'), idCard, household(), submit('宅基地批准文件', true), submit('农房设计图或者选用的通用图')],
  },
];

const DISCHARGE = '《中华人民共和国环境保护法》第四十五条；《排污许可管理条例》（国务院令第736号）';

const ecologyEnvironment: ServiceItemDefinition[] = [
  {
    code: 'svc.pollutant_discharge_permit.new', name: '排污许可证申领', line: 'ecology_environment', level: 'city', targets: org, category: 'new',
    legalBasis: DISCHARGE, timeLimitDays: 10, statutoryDays: 20,
    materials: [
      form('排污许可证申请表'),
      form('排污单位对申请材料真实性、合法性、完整性负责的承诺书'),
      businessLicense,
      submit('建设项目环境影响评价审批文件', true),
      submit('自行监测方案'),
      submit('污染防治设施和排污口规范化设置情况说明'),
    ],
  },
  {
    code: 'svc.pollutant_discharge_permit.change', name: '排污许可证变更', line: 'ecology_environment', level: 'city', targets: org, category: 'change',
    legalBasis: DISCHARGE, timeLimitDays: 5, statutoryDays: 20, licenseType: 'pollutant_discharge_permit',
    materials: [form('排污许可证变更申请表'), businessLicense, license('pollutant_discharge_permit', '原排污许可证'), submit('与变更排污许可事项有关的材料')],
  },
  {
    code: 'svc.pollutant_discharge_permit.renew', name: '排污许可证延续', line: 'ecology_environment', level: 'city', targets: org, category: 'renew',
    legalBasis: '《排污许可管理条例》（国务院令第736号）第十四条', timeLimitDays: 10, statutoryDays: 20, licenseType: 'pollutant_discharge_permit',
    materials: [...renewalBasics('排污许可证延续申请表', 'pollutant_discharge_permit', '排污许可证'), submit('排污许可证执行报告')],
  },
  {
    code: 'svc.eia_report_form.approve', name: '建设项目环境影响报告表审批', line: 'ecology_environment', level: 'city', targets: org, category: 'other',
    legalBasis: '《中华人民共和国环境影响评价法》第二十二条', timeLimitDays: 10, statutoryDays: 30,
    materials: [form('建设项目环境影响报告表审批申请函'), businessLicense, submit('建设项目环境影响报告表', true)],
  },
];

const PUBLIC_PLACES = '《公共场所卫生管理条例》第八条；《公共场所卫生管理条例实施细则》（卫生部令第80号）';
const MEDICAL_INSTITUTIONS = '《医疗机构管理条例》；《医疗机构管理条例实施细则》';
const hygieneReport = submit('卫生检测（评价）报告');

const health: ServiceItemDefinition[] = [
  {
    code: 'svc.public_place_hygiene_license.new', name: '公共场所卫生许可（新办）', line: 'health', level: 'county', targets: org, category: 'new',
    legalBasis: PUBLIC_PLACES, timeLimitDays: 5, statutoryDays: 20,
    materials: [
      form('公共场所卫生许可申请表'),
      businessLicense,
      premises,
      hygieneReport,
      healthCertificates,
      submit('卫生管理制度'),
      submit('经营场所平面布局图和卫生设施设置情况'),
    ],
  },
  {
    code: 'svc.public_place_hygiene_license.change', name: '公共场所卫生许可变更', line: 'health', level: 'county', targets: org, category: 'change',
    legalBasis: PUBLIC_PLACES, timeLimitDays: 3, statutoryDays: 20, licenseType: 'public_place_hygiene_license',
    materials: [form('公共场所卫生许可变更申请表'), businessLicense, license('public_place_hygiene_license', '原公共场所卫生许可证'), submit('与变更事项有关的材料')],
  },
  {
    code: 'svc.public_place_hygiene_license.renew', name: '公共场所卫生许可延续', line: 'health', level: 'county', targets: org, category: 'renew',
    legalBasis: PUBLIC_PLACES, timeLimitDays: 5, statutoryDays: 20, licenseType: 'public_place_hygiene_license',
    materials: [...renewalBasics('公共场所卫生许可延续申请表', 'public_place_hygiene_license', '公共场所卫生许可证'), hygieneReport, healthCertificates],
  },
  {
    code: 'svc.medical_institution_license.new', name: '医疗机构执业登记', line: 'health', level: 'county', targets: org, category: 'new',
    legalBasis: MEDICAL_INSTITUTIONS, timeLimitDays: 20, statutoryDays: 45,
    materials: [
      form('医疗机构申请执业登记注册书'),
      businessLicense,
      premises,
      submit('医疗机构建筑设计平面图'),
      submit('卫生技术人员名录及其执业证书'),
      submit('医疗机构规章制度'),
    ],
  },
  {
    code: 'svc.medical_institution_license.renew', name: '医疗机构执业许可证延续', line: 'health', level: 'county', targets: org, category: 'renew',
    legalBasis: MEDICAL_INSTITUTIONS, timeLimitDays: 15, statutoryDays: 45, licenseType: 'medical_institution_license',
    materials: [...renewalBasics('医疗机构执业许可证延续申请书', 'medical_institution_license', '医疗机构执业许可证'), submit('执业期间业务开展情况报告')],
  },
  {
    code: 'svc.physician_practice_certificate.new', name: '医师执业注册', line: 'health', level: 'county', targets: person, category: 'new',
    legalBasis: '《中华人民共和国医师法》第十三条；《医师执业注册管理办法》', timeLimitDays: 5, statutoryDays: 20,
    materials: [
      form('医师执业注册申请审核表'),
      idCard,
      submit('医师资格证书', true),
      commitment('健康状况证明', '本人承诺身体健康，能够胜任医师执业工作；如有不实，愿承担相应法律责任。'),
      submit('拟执业医疗机构的聘用证明'),
    ],
  },
  {
    code: 'svc.physician_practice_certificate.change', name: '医师执业注册变更', line: 'health', level: 'county', targets: person, category: 'change',
    legalBasis: '《中华人民共和国医师法》；《医师执业注册管理办法》', timeLimitDays: 5, statutoryDays: 20, licenseType: 'physician_practice_certificate',
    materials: [form('医师变更执业注册申请审核表'), idCard, license('physician_practice_certificate', '医师执业证书'), submit('拟执业医疗机构的聘用证明')],
  },
  {
    code: 'svc.nurse_practice_certificate.new', name: '护士执业注册（首次注册）', line: 'health', level: 'county', targets: person, category: 'new',
    legalBasis: '《护士条例》；《护士执业注册管理办法》', timeLimitDays: 5, statutoryDays: 20,
    materials: [
      form('护士执业注册申请审核表'),
      idCard,
      submit('护士执业资格考试成绩合格证明', true),
      cancelled('学历证书', '已取消：学历信息由注册机关在线核验'),
      submit('健康体检证明'),
      submit('拟执业医疗卫生机构的聘用证明'),
    ],
  },
  {
    code: 'svc.nurse_practice_certificate.change', name: '护士执业注册变更', line: 'health', level: 'county', targets: person, category: 'change',
    legalBasis: '《护士条例》；《护士执业注册管理办法》', timeLimitDays: 5, statutoryDays: 20, licenseType: 'nurse_practice_certificate',
    materials: [form('护士变更注册申请审核表'), idCard, license('nurse_practice_certificate', '护士执业证书'), submit('拟执业医疗卫生机构的聘用证明')],
  },
  {
    code: 'svc.nurse_practice_certificate.renew', name: '护士执业注册延续', line: 'health', level: 'county', targets: person, category: 'renew',
    legalBasis: '《护士条例》第十条；《护士执业注册管理办法》', timeLimitDays: 5, statutoryDays: 20, licenseType: 'nurse_practice_certificate',
    materials: [form('护士延续注册申请审核表'), idCard, license('nurse_practice_certificate', '原护士执业证书'), submit('健康体检证明')],
  },
  {
    code: 'svc.drinking_water_hygiene.new', name: '饮用水供水单位卫生许可', line: 'health', level: 'county', targets: org, category: 'new',
    legalBasis: '《生活饮用水卫生监督管理办法》', timeLimitDays: 10, statutoryDays: 20,
    materials: [form('饮用水供水单位卫生许可申请表'), businessLicense, submit('水质检测报告'), healthCertificates, submit('供水设施平面图和工艺流程图')],
  },
  {
    code: 'svc.rural_doctor.registration', name: '乡村医生执业注册', line: 'health', level: 'county', targets: person, category: 'new',
    legalBasis: '《乡村医生从业管理条例》', timeLimitDays: 10, statutoryDays: 20,
    materials: [
      form('乡村医生执业注册申请表'),
      idCard,
      submit('医学学历证明或者乡村医生资格证明', true),
      commitment('健康状况证明', '本人承诺身体健康，能够胜任乡村医生执业工作；如有不实，愿承担相应法律责任。'),
    ],
  },
];

const EMPLOYMENT = '《中华人民共和国就业促进法》；《就业服务与就业管理规定》';
const INSURANCE_LAW = '《中华人民共和国社会保险法》';
const HR_MARKET = '《人力资源市场暂行条例》；《人力资源服务机构管理规定》（人力资源社会保障部令第50号）第五条';
const unemployedCommitment = commitment(
  '解除或者终止劳动关系证明',
  '本人承诺已与原用人单位解除或者终止劳动关系，目前处于失业状态；如有不实，愿退还已领取的待遇并承担相应法律责任。',
  { resource: 'employment', require: 'field', field: 'status', equals: 'unemployed' },
);

const humanResources: ServiceItemDefinition[] = [
  {
    code: 'svc.employment_certificate.apply', name: '就业创业证申领', line: 'human_resources_social_security', level: 'county', targets: person, category: 'other',
    legalBasis: EMPLOYMENT, timeLimitDays: 1, statutoryDays: 5,
    materials: [form('就业创业证申领登记表'), idCard, photo()],
  },
  {
    code: 'svc.unemployment_benefit.apply', name: '失业保险金申领', line: 'human_resources_social_security', level: 'county', targets: person, category: 'other',
    legalBasis: `${INSURANCE_LAW}第四十五条；《失业保险条例》第十四条`, timeLimitDays: 3, statutoryDays: 10,
    materials: [
      form('失业保险金申领登记表'),
      idCard,
      data('失业登记', { resource: 'unemployment', require: 'field', field: 'status', equals: 'registered' }, true, '核验失业登记信息'),
      unemployedCommitment,
      ssCard,
    ],
  },
  {
    code: 'svc.social_security_card.apply', name: '社会保障卡申领', line: 'human_resources_social_security', level: 'county', targets: person, category: 'new',
    legalBasis: `${INSURANCE_LAW}第五十八条`, timeLimitDays: 1, statutoryDays: 5,
    materials: [idCard, photo()],
  },
  {
    code: 'svc.social_security_card.renew', name: '社会保障卡换领（有效期满）', line: 'human_resources_social_security', level: 'county', targets: person, category: 'renew',
    legalBasis: `${INSURANCE_LAW}第五十八条`, timeLimitDays: 1, statutoryDays: 5, licenseType: 'social_security_card',
    materials: [idCard, license('social_security_card', '原社会保障卡'), photo()],
  },
  {
    code: 'svc.social_security_card.replace', name: '社会保障卡补领（挂失补卡）', line: 'human_resources_social_security', level: 'county', targets: person, category: 'other',
    legalBasis: `${INSURANCE_LAW}第五十八条`, timeLimitDays: 1, statutoryDays: 5,
    materials: [form('社会保障卡挂失补卡申请表'), idCard, photo()],
  },
  {
    code: 'svc.flexible_employment.enroll', name: '灵活就业人员参加职工基本养老保险登记', line: 'human_resources_social_security', level: 'county', targets: person, category: 'other',
    legalBasis: `${INSURANCE_LAW}第十条`, timeLimitDays: 1, statutoryDays: 5,
    materials: [form('灵活就业人员参保登记表'), idCard],
  },
  {
    code: 'svc.employer_social_insurance.register', name: '单位社会保险登记', line: 'human_resources_social_security', level: 'county', targets: org, category: 'new',
    legalBasis: `${INSURANCE_LAW}第五十七条`, timeLimitDays: 1, statutoryDays: 15,
    materials: [form('单位社会保险登记表'), businessLicense, submit('单位银行开户信息')],
  },
  {
    code: 'svc.retirement_pension.approve', name: '职工基本养老保险退休待遇核定', line: 'human_resources_social_security', level: 'county', targets: person, category: 'other',
    legalBasis: `${INSURANCE_LAW}第十六条`, timeLimitDays: 10, statutoryDays: 20,
    materials: [
      form('基本养老保险待遇申领表'),
      idCard,
      data('参保缴费记录', { resource: 'social_insurance', require: 'exists' }, true, '核验累计缴费年限'),
      submit('职工人事档案', true, '由单位或者档案托管机构报送'),
      ssCard,
    ],
  },
  {
    code: 'svc.survivor_benefit.apply', name: '丧葬补助金、抚恤金申领', line: 'human_resources_social_security', level: 'county', targets: person, category: 'other',
    legalBasis: `${INSURANCE_LAW}第十七条`, timeLimitDays: 5, statutoryDays: 20,
    materials: [
      form('丧葬补助金、抚恤金申领表'),
      license('resident_id_card', '申领人居民身份证'),
      proof('death', '参保人死亡证明', true, '死亡的参保人的死亡证明，由卫生健康部门数据生成'),
      proof('kinship', '申领人与参保人的亲属关系证明', true, '由户籍信息自动生成'),
      ssCard,
    ],
  },
  {
    code: 'svc.hr_service_license.new', name: '人力资源服务许可（职业中介活动）', line: 'human_resources_social_security', level: 'city', targets: org, category: 'new',
    legalBasis: `《中华人民共和国就业促进法》；${HR_MARKET}`, timeLimitDays: 10, statutoryDays: 20,
    materials: [form('人力资源服务许可申请表'), businessLicense, premises, submit('工作人员具备相应职业资质的说明'), submit('人力资源服务规章制度')],
  },
  {
    code: 'svc.hr_service_license.renew', name: '人力资源服务许可证延续', line: 'human_resources_social_security', level: 'city', targets: org, category: 'renew',
    legalBasis: HR_MARKET, timeLimitDays: 5, statutoryDays: 20, licenseType: 'hr_service_license',
    materials: [...renewalBasics('人力资源服务许可证延续申请表', 'hr_service_license', '人力资源服务许可证'), submit('许可期内经营情况报告')],
  },
  {
    code: 'svc.labor_dispatch_license.new', name: '劳务派遣经营许可', line: 'human_resources_social_security', level: 'city', targets: org, category: 'new',
    legalBasis: '《中华人民共和国劳动合同法》第五十七条；《劳务派遣行政许可实施办法》', timeLimitDays: 10, statutoryDays: 20,
    materials: [
      form('劳务派遣经营许可申请书'),
      businessLicense,
      submit('注册资本不少于人民币二百万元的证明', true),
      premises,
      submit('劳务派遣管理制度'),
    ],
  },
  {
    code: 'svc.flexible_working_hours.approve', name: '企业实行不定时工作制和综合计算工时工作制审批', line: 'human_resources_social_security', level: 'county', targets: org, category: 'other',
    legalBasis: '《中华人民共和国劳动法》第三十九条', timeLimitDays: 10, statutoryDays: 20,
    materials: [form('实行特殊工时制度申请表'), businessLicense, submit('实施方案及听取工会或者职工意见的情况', true)],
  },
];

const SOCIAL_ASSISTANCE = '《社会救助暂行办法》（国务院令第649号）';
const MARRIAGE_REGULATION = '《婚姻登记条例》';
const householdBookCancelled = cancelled('居民户口簿', '已取消：修订后的《婚姻登记条例》施行后婚姻登记不再要求户口簿');
const economicCheckConsent = form('家庭经济状况核对授权书');

/** 临时救助 asks the same at the county and, for small sums decided there, at the township. */
const temporaryAssistanceMaterials: readonly MaterialDefinition[] = [
  form('临时救助申请书'),
  idCard,
  household(false),
  submit('困难情况说明及相关证明（医疗费用票据、事故证明等）'),
  incomeCommitment,
  proof('residence', '居住证明', false, '在经常居住地申请的非本地户籍人员'),
];

const civilAffairs: ServiceItemDefinition[] = [
  {
    code: 'svc.minimum_living.apply', name: '最低生活保障审核确认', line: 'civil_affairs', level: 'county', targets: person, category: 'other',
    legalBasis: `${SOCIAL_ASSISTANCE}第九条、第十一条；《最低生活保障审核确认办法》`, timeLimitDays: 20, statutoryDays: 30,
    materials: [
      form('最低生活保障申请书'),
      economicCheckConsent,
      idCard,
      household(),
      incomeCommitment,
      license('disability_certificate', '残疾人证', false, '家庭成员中有残疾人的'),
      maritalStatus(),
    ],
  },
  {
    code: 'svc.extreme_poverty.apply', name: '特困人员认定', line: 'civil_affairs', level: 'county', targets: person, category: 'other',
    legalBasis: `${SOCIAL_ASSISTANCE}第十四条；《特困人员认定办法》`, timeLimitDays: 20, statutoryDays: 30,
    materials: [form('特困人员救助供养申请书'), idCard, household(), license('disability_certificate', '残疾人证', false, '申请人为残疾人的'), incomeCommitment, kinshipCancelled],
  },
  {
    code: 'svc.disability_allowances.apply', name: '困难残疾人生活补贴和重度残疾人护理补贴申请', line: 'civil_affairs', level: 'county', targets: person, category: 'other',
    legalBasis: '《国务院关于全面建立困难残疾人生活补贴和重度残疾人护理补贴制度的意见》（国发〔2015〕52号）', timeLimitDays: 10, statutoryDays: 20,
    materials: [
      form('残疾人两项补贴申请审批表'),
      idCard,
      license('disability_certificate', '残疾人证'),
      household(false),
      proof('minimum_living', '低保证明', false, '申请困难残疾人生活补贴的'),
      ssCard,
    ],
  },
  {
    code: 'svc.temporary_assistance.apply', name: '临时救助申请', line: 'civil_affairs', level: 'county', targets: person, category: 'other',
    legalBasis: `${SOCIAL_ASSISTANCE}第四十七条`, timeLimitDays: 10, statutoryDays: 20,
    materials: temporaryAssistanceMaterials,
  },
  {
    code: 'svc.marriage.register', name: '结婚登记', line: 'civil_affairs', level: 'county', targets: person, category: 'other',
    legalBasis: `《中华人民共和国民法典》第一千零四十九条；${MARRIAGE_REGULATION}`, timeLimitDays: 1, statutoryDays: 1,
    materials: [
      idCard,
      form('无配偶以及与对方当事人没有直系血亲和三代以内旁系血亲关系的签字声明'),
      submit('双方近期半身免冠合影照片', true, '可现场拍摄'),
      householdBookCancelled,
    ],
  },
  {
    code: 'svc.divorce.register', name: '离婚登记', line: 'civil_affairs', level: 'county', targets: person, category: 'other',
    legalBasis: `《中华人民共和国民法典》第一千零七十六条、第一千零七十七条；${MARRIAGE_REGULATION}`, timeLimitDays: 1, statutoryDays: 1,
    materials: [idCard, license('marriage_certificate', '结婚证'), submit('双方共同签署的离婚协议书', true), householdBookCancelled],
  },
  {
    code: 'svc.marriage_certificate.reissue', name: '补领婚姻登记证', line: 'civil_affairs', level: 'county', targets: person, category: 'other',
    legalBasis: MARRIAGE_REGULATION, timeLimitDays: 1, statutoryDays: 1,
    materials: [
      form('申请补领婚姻登记证声明书'),
      idCard,
      data('婚姻登记档案', { resource: 'marriage_registration', require: 'exists' }, true, '原需档案保管部门出具的证明，现由民政部门查询婚姻登记信息'),
      submit('近期半身免冠照片', true, '补领结婚证的为双方合影'),
    ],
  },
  {
    code: 'svc.adoption.register', name: '收养登记', line: 'civil_affairs', level: 'county', targets: person, category: 'other',
    legalBasis: '《中华人民共和国民法典》第一千一百零五条；《中国公民收养子女登记办法》', timeLimitDays: 20, statutoryDays: 30,
    materials: [
      form('收养登记申请书'),
      idCard,
      household(),
      maritalStatus(true),
      proof('no_criminal_record', '无犯罪记录证明', true, '核查无不利于被收养人健康成长的违法犯罪记录'),
      submit('县级以上医疗机构出具的身体健康检查证明', true),
      commitment('抚养教育和保护被收养人能力的证明', '本人承诺具有抚养、教育和保护被收养人的能力，家庭收入和财产状况如实申报；如有不实，愿承担相应法律责任。'),
    ],
  },
  {
    code: 'svc.social_organization.register', name: '社会团体成立登记', line: 'civil_affairs', level: 'county', targets: both, category: 'new',
    legalBasis: '《社会团体登记管理条例》', timeLimitDays: 20, statutoryDays: 60,
    materials: [
      form('社会团体成立登记申请书'),
      submit('业务主管单位的批准文件', true),
      submit('章程草案', true),
      license('resident_id_card', '拟任负责人居民身份证'),
      commitment('住所使用权证明', '本团体承诺对申报的住所依法享有使用权；如有不实，愿承担相应法律责任。'),
      submit('验资报告或者资金信用证明'),
    ],
  },
  {
    code: 'svc.elderly_care_institution.filing', name: '养老机构备案', line: 'civil_affairs', level: 'county', targets: org, category: 'other',
    legalBasis: '《中华人民共和国老年人权益保障法》第四十三条；《养老机构管理办法》（民政部令第66号）', timeLimitDays: 1, statutoryDays: 5,
    materials: [
      form('养老机构备案书'),
      businessLicense,
      premises,
      commitment('养老服务设施安全承诺', '本机构承诺养老服务设施符合消防安全、建筑安全、食品安全等有关规定和标准；如有不实，愿承担相应法律责任。'),
    ],
  },
];

const ID_CARD_LAW = '《中华人民共和国居民身份证法》';
const HOUSEHOLD_REGULATION = '《中华人民共和国户口登记条例》';
const idPhoto = submit('居民身份证人像照片和指纹信息', true, '窗口现场采集');

const publicSecurity: ServiceItemDefinition[] = [
  {
    code: 'svc.resident_id_card.new', name: '居民身份证首次申领', line: 'public_security', level: 'county', targets: person, category: 'new',
    legalBasis: ID_CARD_LAW, timeLimitDays: 15, statutoryDays: 60,
    materials: [form('居民身份证申领登记表'), household(), idPhoto, license('resident_id_card', '监护人居民身份证', false, '未满十六周岁的由监护人代为申领')],
  },
  {
    code: 'svc.resident_id_card.renew', name: '居民身份证换领（有效期满）', line: 'public_security', level: 'county', targets: person, category: 'renew',
    legalBasis: `${ID_CARD_LAW}第十一条`, timeLimitDays: 15, statutoryDays: 60, licenseType: 'resident_id_card',
    materials: [form('居民身份证申领登记表'), license('resident_id_card', '原居民身份证'), household(), idPhoto],
  },
  {
    code: 'svc.resident_id_card.reissue', name: '居民身份证补领', line: 'public_security', level: 'county', targets: person, category: 'other',
    legalBasis: `${ID_CARD_LAW}第十一条`, timeLimitDays: 15, statutoryDays: 60,
    materials: [form('居民身份证申领登记表'), household(), idPhoto],
  },
  {
    code: 'svc.birth.household_registration', name: '出生登记（新生儿落户）', line: 'public_security', level: 'county', targets: person, category: 'new',
    legalBasis: `${HOUSEHOLD_REGULATION}第七条`, timeLimitDays: 1, statutoryDays: 5,
    materials: [
      license('birth_medical_certificate', '出生医学证明', true, '新生儿的出生医学证明电子证照'),
      license('resident_id_card', '父母居民身份证'),
      data('父或者母的居民户口簿', HOUSEHOLD_ACTIVE, true, '核验随迁入户一方的户籍信息'),
      license('marriage_certificate', '父母结婚证', false),
    ],
  },
  {
    code: 'svc.household.transfer_in', name: '户口迁移（迁入登记）', line: 'public_security', level: 'county', targets: person, category: 'other',
    legalBasis: `${HOUSEHOLD_REGULATION}第十条、第十三条`, timeLimitDays: 5, statutoryDays: 20,
    materials: [
      form('户口迁移申请表'),
      idCard,
      household(),
      license('real_estate_certificate', '迁入地合法稳定住所证明（不动产权证书）'),
      license('marriage_certificate', '结婚证', false, '夫妻投靠的'),
      kinshipCancelled,
    ],
  },
  {
    code: 'svc.household.death_cancellation', name: '死亡人员户口注销', line: 'public_security', level: 'county', targets: person, category: 'cancel',
    legalBasis: `${HOUSEHOLD_REGULATION}第八条`, timeLimitDays: 1, statutoryDays: 5,
    materials: [
      license('resident_id_card', '申报人居民身份证'),
      proof('death', '死亡证明', true, '死者的死亡医学证明信息，由卫生健康部门数据生成'),
      data('死者户籍信息', { resource: 'household_registration', require: 'exists' }, true),
      submit('死者居民身份证', false, '交回注销；遗失的说明情况即可'),
    ],
  },
  {
    code: 'svc.no_criminal_record.issue', name: '无犯罪记录证明开具', line: 'public_security', level: 'county', targets: person, category: 'other',
    legalBasis: '《公安机关办理犯罪记录查询工作规定》', timeLimitDays: 1, statutoryDays: 3,
    materials: [form('犯罪记录查询申请表'), idCard, submit('授权委托书及受托人身份证件', false, '委托他人代为申请的')],
  },
  {
    code: 'svc.residence_permit.apply', name: '居住证申领', line: 'public_security', level: 'county', targets: person, category: 'new',
    legalBasis: '《居住证暂行条例》（国务院令第663号）', timeLimitDays: 7, statutoryDays: 15,
    materials: [
      form('居住证申领登记表'),
      idCard,
      data('居住登记', { resource: 'residence_registration', require: 'exists' }, true, '核验居住登记满半年'),
      commitment('合法稳定住所证明', '本人承诺在申报的居住地址合法稳定居住；如有不实，愿承担相应法律责任。', { resource: 'residence_registration', require: 'exists' }),
      data('合法稳定就业证明', { resource: 'social_insurance', require: 'active' }, false, '以就业申领的，核验社保缴费信息'),
      idPhoto,
    ],
  },
  {
    code: 'svc.driving_license.renew', name: '机动车驾驶证期满换证', line: 'public_security', level: 'county', targets: person, category: 'renew',
    legalBasis: '《中华人民共和国道路交通安全法》第十九条；《机动车驾驶证申领和使用规定》（公安部令第162号）', timeLimitDays: 1, statutoryDays: 1, licenseType: 'driving_license',
    materials: [form('机动车驾驶证申请表'), idCard, license('driving_license', '原机动车驾驶证'), submit('机动车驾驶人身体条件证明', true, '体检机构上传电子体检信息的，不另交')],
  },
  {
    code: 'svc.vehicle.inspection_label', name: '机动车检验标志核发（免检车辆）', line: 'public_security', level: 'county', targets: both, category: 'other',
    legalBasis: '《中华人民共和国道路交通安全法》第十三条', timeLimitDays: 1, statutoryDays: 1,
    materials: [
      license('vehicle_license', '机动车行驶证'),
      cancelled('机动车交通事故责任强制保险凭证', '已取消：与保险行业信息联网核查'),
      cancelled('车船税纳税或者免征证明', '已取消：投保交强险时已代收代缴，联网核查'),
    ],
  },
  {
    code: 'svc.vehicle.transfer', name: '机动车转移登记', line: 'public_security', level: 'county', targets: person, category: 'other',
    legalBasis: '《中华人民共和国道路交通安全法》；《机动车登记规定》（公安部令第164号）', timeLimitDays: 1, statutoryDays: 1,
    materials: [form('机动车登记申请表'), idCard, submit('机动车登记证书', true), submit('机动车来历证明（二手车销售统一发票）', true)],
  },
];

const education: ServiceItemDefinition[] = [
  {
    code: 'svc.compulsory_school.enrolment', name: '义务教育入学登记', line: 'education', level: 'county', targets: person, category: 'other',
    legalBasis: '《中华人民共和国义务教育法》第十二条', timeLimitDays: 10, statutoryDays: 20,
    materials: [
      form('义务教育入学登记表'),
      data('适龄儿童户口簿', HOUSEHOLD_ACTIVE, true, '核验户籍所在地'),
      license('resident_id_card', '监护人居民身份证'),
      license('real_estate_certificate', '房屋产权证明', false, '按房产划片入学的'),
      proof('residence', '居住证明', false, '随迁子女'),
      data('监护人社保缴费证明', { resource: 'social_insurance', require: 'active' }, false, '随迁子女'),
      license('birth_medical_certificate', '出生医学证明', false),
    ],
  },
  {
    code: 'svc.school_transfer.apply', name: '义务教育阶段学生转学', line: 'education', level: 'county', targets: person, category: 'other',
    legalBasis: '《中小学生学籍管理办法》', timeLimitDays: 5, statutoryDays: 10,
    materials: [
      form('义务教育阶段学生转学申请表'),
      license('resident_id_card', '监护人居民身份证'),
      data('学籍信息', { resource: 'student_status', require: 'field', field: 'status', equals: 'enrolled' }, true, '核验在籍情况'),
      household(false),
      proof('residence', '居住证明', false, '因随迁转学的'),
    ],
  },
  {
    code: 'svc.teacher_qualification.new', name: '教师资格认定', line: 'education', level: 'county', targets: person, category: 'new',
    legalBasis: '《中华人民共和国教师法》第十三条；《教师资格条例》', timeLimitDays: 20, statutoryDays: 30,
    materials: [
      form('教师资格认定申请表'),
      idCard,
      cancelled('学历证书', '已取消：学历信息由认定机构在线核验'),
      cancelled('普通话水平测试等级证书', '已取消：测试等级由认定机构在线核验'),
      submit('指定医院出具的体检合格证明', true),
      commitment('思想品德鉴定', '本人承诺遵守宪法和法律，热爱教育事业，具有良好的思想品德；如有不实，愿承担相应法律责任。'),
      proof('no_criminal_record', '无犯罪记录证明', true, '认定机构联网查询'),
    ],
  },
  {
    code: 'svc.private_school_license.renew', name: '民办学校办学许可证延续', line: 'education', level: 'county', targets: org, category: 'renew',
    legalBasis: '《中华人民共和国民办教育促进法》；《中华人民共和国民办教育促进法实施条例》', timeLimitDays: 10, statutoryDays: 20, licenseType: 'private_school_license',
    materials: [form('民办学校办学许可证延续申请表'), license('private_school_license', '原民办学校办学许可证'), submit('办学情况自查报告'), submit('校舍安全和消防安全情况说明')],
  },
];

const ENTERTAINMENT = '《娱乐场所管理条例》第九条';
const fireCertificate = license('fire_safety_inspection_certificate', '公众聚集场所投入使用营业前消防安全检查合格证', false);

const cultureTourism: ServiceItemDefinition[] = [
  {
    code: 'svc.entertainment_business_license.new', name: '娱乐场所经营许可', line: 'culture_tourism', level: 'county', targets: org, category: 'new',
    legalBasis: ENTERTAINMENT, timeLimitDays: 10, statutoryDays: 20,
    materials: [form('娱乐场所经营许可申请表'), businessLicense, premises, fireCertificate, submit('经营场所平面图')],
  },
  {
    code: 'svc.entertainment_business_license.renew', name: '娱乐经营许可证延续', line: 'culture_tourism', level: 'county', targets: org, category: 'renew',
    legalBasis: ENTERTAINMENT, timeLimitDays: 5, statutoryDays: 20, licenseType: 'entertainment_business_license',
    materials: [...renewalBasics('娱乐经营许可证延续申请表', 'entertainment_business_license', '娱乐经营许可证'), fireCertificate],
  },
  {
    code: 'svc.internet_culture_license.renew', name: '网络文化经营许可证延续', line: 'culture_tourism', level: 'city', targets: org, category: 'renew',
    legalBasis: '《互联网文化管理暂行规定》', timeLimitDays: 10, statutoryDays: 20, licenseType: 'internet_culture_license',
    materials: [...renewalBasics('网络文化经营许可证延续申请表', 'internet_culture_license', '网络文化经营许可证'), submit('许可期内业务开展情况报告')],
  },
  {
    code: 'svc.travel_agency_license.new', name: '旅行社业务经营许可', line: 'culture_tourism', level: 'city', targets: org, category: 'new',
    legalBasis: '《旅行社条例》', timeLimitDays: 10, statutoryDays: 20,
    materials: [form('旅行社业务经营许可申请书'), businessLicense, premises, submit('营业设施情况说明'), submit('旅游服务质量保证金存缴证明', true)],
  },
  {
    code: 'svc.performance_license.new', name: '营业性演出许可（文艺表演团体）', line: 'culture_tourism', level: 'county', targets: org, category: 'new',
    legalBasis: '《营业性演出管理条例》', timeLimitDays: 10, statutoryDays: 20,
    materials: [form('文艺表演团体设立申请表'), businessLicense, submit('演员的艺术表演能力证明')],
  },
  {
    code: 'svc.high_risk_sports.new', name: '经营高危险性体育项目许可', line: 'culture_tourism', level: 'county', targets: org, category: 'new',
    legalBasis: '《全民健身条例》；《经营高危险性体育项目许可管理办法》', timeLimitDays: 10, statutoryDays: 30,
    materials: [
      form('经营高危险性体育项目申请书'),
      businessLicense,
      submit('体育设施符合国家标准的说明', true),
      submit('社会体育指导人员和救助人员的职业资格证明'),
      submit('安全生产岗位责任制度和安全操作规程等安全保障制度'),
    ],
  },
  {
    code: 'svc.internet_cafe_license.new', name: '互联网上网服务营业场所经营许可', line: 'culture_tourism', level: 'county', targets: org, category: 'new',
    legalBasis: '《互联网上网服务营业场所管理条例》', timeLimitDays: 10, statutoryDays: 20,
    materials: [form('互联网上网服务营业场所经营许可申请表'), businessLicense, premises, fireCertificate],
  },
];

const TOBACCO = '《中华人民共和国烟草专卖法》第十六条；《中华人民共和国烟草专卖法实施条例》；《烟草专卖许可证管理办法》';

const tobacco: ServiceItemDefinition[] = [
  {
    code: 'svc.tobacco_retail_license.new', name: '烟草专卖零售许可证新办', line: 'tobacco', level: 'county', targets: org, category: 'new',
    legalBasis: TOBACCO, timeLimitDays: 5, statutoryDays: 20,
    materials: [form('烟草专卖零售许可证申请表'), businessLicense, premises],
  },
  {
    code: 'svc.tobacco_retail_license.change', name: '烟草专卖零售许可证变更', line: 'tobacco', level: 'county', targets: org, category: 'change',
    legalBasis: TOBACCO, timeLimitDays: 5, statutoryDays: 20, licenseType: 'tobacco_retail_license',
    materials: [form('烟草专卖零售许可证变更申请表'), businessLicense, license('tobacco_retail_license', '原烟草专卖零售许可证'), submit('与变更事项有关的材料')],
  },
  {
    code: 'svc.tobacco_retail_license.renew', name: '烟草专卖零售许可证延续', line: 'tobacco', level: 'county', targets: org, category: 'renew',
    legalBasis: TOBACCO, timeLimitDays: 5, statutoryDays: 20, licenseType: 'tobacco_retail_license',
    materials: renewalBasics('烟草专卖零售许可证延续申请表', 'tobacco_retail_license', '烟草专卖零售许可证'),
  },
  {
    code: 'svc.tobacco_retail_license.cancel', name: '烟草专卖零售许可证注销', line: 'tobacco', level: 'county', targets: org, category: 'cancel',
    legalBasis: TOBACCO, timeLimitDays: 1, statutoryDays: 20,
    materials: [form('烟草专卖零售许可证注销申请表'), license('tobacco_retail_license', '原烟草专卖零售许可证')],
  },
];

const HAZARDOUS = '《危险化学品安全管理条例》第三十三条、第三十五条；《危险化学品经营许可证管理办法》（国家安全生产监督管理总局令第55号）';

const emergencyManagement: ServiceItemDefinition[] = [
  {
    code: 'svc.safety_production_license.renew', name: '安全生产许可证延期', line: 'emergency_management', level: 'city', targets: org, category: 'renew',
    legalBasis: '《安全生产许可证条例》第二条、第九条', timeLimitDays: 20, statutoryDays: 45, licenseType: 'safety_production_license',
    materials: [
      ...renewalBasics('安全生产许可证延期申请书', 'safety_production_license', '安全生产许可证'),
      submit('主要负责人、安全生产管理人员安全生产知识和管理能力考核合格证明'),
      submit('安全现状评价报告'),
    ],
  },
  {
    code: 'svc.hazardous_chemicals_business_license.new', name: '危险化学品经营许可', line: 'emergency_management', level: 'county', targets: org, category: 'new',
    legalBasis: HAZARDOUS, timeLimitDays: 10, statutoryDays: 30,
    materials: [
      form('危险化学品经营许可证申请表'),
      businessLicense,
      premises,
      submit('安全生产规章制度和岗位操作规程目录清单'),
      submit('主要负责人、安全生产管理人员安全培训合格证明'),
      submit('生产安全事故应急预案'),
    ],
  },
  {
    code: 'svc.hazardous_chemicals_business_license.renew', name: '危险化学品经营许可证延期', line: 'emergency_management', level: 'county', targets: org, category: 'renew',
    legalBasis: HAZARDOUS, timeLimitDays: 10, statutoryDays: 30, licenseType: 'hazardous_chemicals_business_license',
    materials: [...renewalBasics('危险化学品经营许可证延期申请表', 'hazardous_chemicals_business_license', '危险化学品经营许可证'), submit('主要负责人、安全生产管理人员安全培训合格证明')],
  },
  {
    code: 'svc.fireworks_retail_license.new', name: '烟花爆竹经营（零售）许可', line: 'emergency_management', level: 'county', targets: org, category: 'new',
    legalBasis: '《烟花爆竹安全管理条例》', timeLimitDays: 5, statutoryDays: 20,
    materials: [form('烟花爆竹经营（零售）许可证申请书'), businessLicense, premises, submit('主要负责人安全培训合格证明')],
  },
];

const fireRescue: ServiceItemDefinition[] = [
  {
    code: 'svc.fire_safety_inspection_certificate.new', name: '公众聚集场所投入使用、营业前消防安全检查', line: 'fire_rescue', level: 'county', targets: org, category: 'new',
    legalBasis: '《中华人民共和国消防法》第十五条', timeLimitDays: 3, statutoryDays: 10,
    materials: [
      form('公众聚集场所投入使用、营业前消防安全检查申请表'),
      businessLicense,
      commitment('场所符合消防技术标准和管理规定的证明', '本单位承诺公众聚集场所符合消防技术标准和管理规定，已建立消防安全制度；如有不实，愿承担相应法律责任并接受依法处理。', undefined, true),
      submit('消防安全制度、灭火和应急疏散预案'),
      submit('场所平面布置图、场所消防设施平面图'),
      submit('建设工程消防验收或者备案凭证'),
    ],
  },
];

const WATER_INTAKE = '《中华人民共和国水法》第四十八条；《取水许可和水资源费征收管理条例》';

const waterResources: ServiceItemDefinition[] = [
  {
    code: 'svc.water_intake_permit.new', name: '取水许可', line: 'water_resources', level: 'county', targets: org, category: 'new',
    legalBasis: WATER_INTAKE, timeLimitDays: 20, statutoryDays: 45,
    materials: [form('取水申请书'), businessLicense, submit('建设项目水资源论证报告', true), submit('与第三者利害关系的相关说明')],
  },
  {
    code: 'svc.water_intake_permit.renew', name: '取水许可延续', line: 'water_resources', level: 'county', targets: org, category: 'renew',
    legalBasis: WATER_INTAKE, timeLimitDays: 15, statutoryDays: 45, licenseType: 'water_intake_permit',
    materials: [...renewalBasics('取水许可延续申请书', 'water_intake_permit', '取水许可证'), submit('取水计量和用水情况总结')],
  },
  {
    code: 'svc.river_sand_mining_license.renew', name: '河道采砂许可证延续', line: 'water_resources', level: 'county', targets: org, category: 'renew',
    legalBasis: '《中华人民共和国河道管理条例》第二十五条', timeLimitDays: 10, statutoryDays: 20, licenseType: 'river_sand_mining_license',
    materials: [...renewalBasics('河道采砂许可延续申请书', 'river_sand_mining_license', '河道采砂许可证'), submit('采砂船舶检验证书')],
  },
  {
    code: 'svc.soil_conservation_plan.approve', name: '生产建设项目水土保持方案审批', line: 'water_resources', level: 'county', targets: org, category: 'other',
    legalBasis: '《中华人民共和国水土保持法》第二十五条', timeLimitDays: 10, statutoryDays: 20,
    materials: [form('水土保持方案审批申请文件'), businessLicense, submit('生产建设项目水土保持方案报告书（表）', true)],
  },
  {
    code: 'svc.river_project.approve', name: '河道管理范围内建设项目工程建设方案审批', line: 'water_resources', level: 'county', targets: org, category: 'other',
    legalBasis: '《中华人民共和国防洪法》；《中华人民共和国河道管理条例》', timeLimitDays: 10, statutoryDays: 20,
    materials: [form('河道管理范围内建设项目申请书'), businessLicense, submit('防洪评价报告', true), submit('建设项目批准、核准或者备案文件')],
  },
];

const forestry: ServiceItemDefinition[] = [
  {
    code: 'svc.logging_permit.new', name: '林木采伐许可证核发', line: 'forestry', level: 'county', targets: both, category: 'new',
    legalBasis: '《中华人民共和国森林法》第五十六条', timeLimitDays: 3, statutoryDays: 20,
    materials: [
      form('林木采伐申请表'),
      license('real_estate_certificate', '林权证明（不动产权证书）', true, '林权已纳入不动产统一登记'),
      submit('采伐地点、面积、树种、株数、蓄积量等情况说明'),
    ],
  },
  {
    code: 'svc.logging_permit.renew', name: '林木采伐许可证延期', line: 'forestry', level: 'county', targets: both, category: 'renew',
    legalBasis: '《中华人民共和国森林法》第五十六条', timeLimitDays: 3, statutoryDays: 20, licenseType: 'logging_permit',
    materials: [form('林木采伐许可证延期申请表'), license('logging_permit', '原林木采伐许可证'), submit('未在期限内完成采伐的情况说明')],
  },
  {
    code: 'svc.forest_land_temporary_use.approve', name: '临时使用林地审批', line: 'forestry', level: 'county', targets: org, category: 'other',
    legalBasis: '《中华人民共和国森林法》；《中华人民共和国森林法实施条例》', timeLimitDays: 10, statutoryDays: 20,
    materials: [form('使用林地申请表'), businessLicense, submit('使用林地现状调查表', true), submit('恢复植被和林业生产条件方案')],
  },
];

const FISHERY = '《中华人民共和国渔业法》第二十三条；《渔业捕捞许可管理规定》';
const PESTICIDE = '《农药管理条例》第二十四条；《农药经营许可管理办法》';
const VETERINARY = '《兽药管理条例》；《兽药经营质量管理规范》';
const SEED = '《中华人民共和国种子法》；《农作物种子生产经营许可管理办法》';

const agricultureRural: ServiceItemDefinition[] = [
  {
    code: 'svc.fishing_license.new', name: '渔业捕捞许可证核发', line: 'agriculture_rural', level: 'county', targets: both, category: 'new',
    legalBasis: FISHERY, timeLimitDays: 10, statutoryDays: 20,
    materials: [form('渔业捕捞许可证申请书'), submit('渔业船舶检验证书', true), submit('渔业船舶国籍登记证书', true)],
  },
  {
    code: 'svc.fishing_license.renew', name: '渔业捕捞许可证延续', line: 'agriculture_rural', level: 'county', targets: both, category: 'renew',
    legalBasis: FISHERY, timeLimitDays: 10, statutoryDays: 20, licenseType: 'fishing_license',
    materials: [form('渔业捕捞许可证延续申请书'), license('fishing_license', '原渔业捕捞许可证'), submit('渔业船舶检验证书', true)],
  },
  {
    code: 'svc.pesticide_business_license.new', name: '农药经营许可', line: 'agriculture_rural', level: 'county', targets: org, category: 'new',
    legalBasis: PESTICIDE, timeLimitDays: 10, statutoryDays: 20,
    materials: [form('农药经营许可证申请表'), businessLicense, premises, submit('经营人员农学等相关专业学历或者培训证明'), submit('安全管理制度和岗位操作规程')],
  },
  {
    code: 'svc.pesticide_business_license.renew', name: '农药经营许可证延续', line: 'agriculture_rural', level: 'county', targets: org, category: 'renew',
    legalBasis: PESTICIDE, timeLimitDays: 10, statutoryDays: 20, licenseType: 'pesticide_business_license',
    materials: [...renewalBasics('农药经营许可证延续申请表', 'pesticide_business_license', '农药经营许可证'), submit('农药经营情况报告')],
  },
  {
    code: 'svc.veterinary_drug_business_license.new', name: '兽药经营许可', line: 'agriculture_rural', level: 'county', targets: org, category: 'new',
    legalBasis: VETERINARY, timeLimitDays: 10, statutoryDays: 20,
    materials: [form('兽药经营许可证申请表'), businessLicense, premises, submit('兽药质量管理人员的学历或者职称证明'), submit('兽药质量管理制度')],
  },
  {
    code: 'svc.veterinary_drug_business_license.renew', name: '兽药经营许可证延续', line: 'agriculture_rural', level: 'county', targets: org, category: 'renew',
    legalBasis: VETERINARY, timeLimitDays: 10, statutoryDays: 20, licenseType: 'veterinary_drug_business_license',
    materials: [...renewalBasics('兽药经营许可证换发申请表', 'veterinary_drug_business_license', '兽药经营许可证'), submit('兽药经营质量管理规范自查报告')],
  },
  {
    code: 'svc.seed_business_license.new', name: '农作物种子生产经营许可', line: 'agriculture_rural', level: 'county', targets: org, category: 'new',
    legalBasis: SEED, timeLimitDays: 10, statutoryDays: 20,
    materials: [form('农作物种子生产经营许可证申请表'), businessLicense, premises, submit('种子加工、检验设施和仪器设备清单'), submit('种子生产地点检疫证明')],
  },
  {
    code: 'svc.seed_business_license.renew', name: '农作物种子生产经营许可证延续', line: 'agriculture_rural', level: 'county', targets: org, category: 'renew',
    legalBasis: SEED, timeLimitDays: 10, statutoryDays: 20, licenseType: 'seed_business_license',
    materials: [...renewalBasics('农作物种子生产经营许可证延续申请表', 'seed_business_license', '农作物种子生产经营许可证'), submit('种子生产经营情况报告')],
  },
  {
    code: 'svc.animal_epidemic_prevention_certificate.new', name: '动物防疫条件合格证核发', line: 'agriculture_rural', level: 'county', targets: org, category: 'new',
    legalBasis: '《中华人民共和国动物防疫法》；《动物防疫条件审查办法》', timeLimitDays: 10, statutoryDays: 20,
    materials: [
      form('动物防疫条件审查申请表'),
      businessLicense,
      premises,
      submit('场所地理位置图、各功能区布局平面图'),
      submit('设施设备清单'),
      submit('动物防疫管理制度'),
    ],
  },
  {
    code: 'svc.agricultural_machinery.register', name: '拖拉机和联合收割机登记', line: 'agriculture_rural', level: 'county', targets: person, category: 'other',
    legalBasis: '《农业机械安全监督管理条例》', timeLimitDays: 2, statutoryDays: 5,
    materials: [form('拖拉机和联合收割机登记申请表'), idCard, submit('农业机械来历证明', true), submit('出厂合格证明', true), submit('安全检验合格证明')],
  },
];

const healthcareSecurity: ServiceItemDefinition[] = [
  {
    code: 'svc.resident_medical_insurance.enroll', name: '城乡居民基本医疗保险参保登记', line: 'healthcare_security', level: 'county', targets: person, category: 'other',
    legalBasis: `${INSURANCE_LAW}第二十五条`, timeLimitDays: 1, statutoryDays: 5,
    materials: [idCard, household(false), proof('residence', '居住证明', false, '在居住地参保的非本地户籍人员')],
  },
  {
    code: 'svc.cross_region_medical.filing', name: '基本医疗保险跨省异地就医备案', line: 'healthcare_security', level: 'county', targets: person, category: 'other',
    legalBasis: '《国家医疗保障局 财政部关于进一步做好基本医疗保险跨省异地就医直接结算工作的通知》（医保发〔2022〕22号）', timeLimitDays: 1, statutoryDays: 1,
    materials: [
      form('跨省异地就医登记备案表'),
      idCard,
      data('医保参保状态', { resource: 'medical_insurance', require: 'active' }, true),
      commitment('异地长期居住证明', '本人承诺在备案就医地长期居住，所填信息真实；如有不实，愿承担相应责任并退回医保基金损失。'),
    ],
  },
  {
    code: 'svc.maternity_benefit.apply', name: '生育津贴申领', line: 'healthcare_security', level: 'county', targets: person, category: 'other',
    legalBasis: `${INSURANCE_LAW}第五十四条`, timeLimitDays: 10, statutoryDays: 20,
    materials: [
      form('生育津贴申领表'),
      idCard,
      license('birth_medical_certificate', '出生医学证明', true, '新生儿的出生医学证明电子证照'),
      data('职工医保参保信息', { resource: 'medical_insurance', require: 'field', field: 'scheme', equals: 'employee' }, true),
      license('marriage_certificate', '结婚证', false),
      ssCard,
    ],
  },
];

const veteransAffairs: ServiceItemDefinition[] = [
  {
    code: 'svc.veteran_preferential_card.apply', name: '退役军人优待证申领', line: 'veterans_affairs', level: 'county', targets: person, category: 'new',
    legalBasis: '《中华人民共和国退役军人保障法》；《退役军人、其他优抚对象优待证管理办法（试行）》', timeLimitDays: 20, statutoryDays: 30,
    materials: [
      form('优待证申请表'),
      idCard,
      data('退役证件', { resource: 'veteran', require: 'exists' }, true, '核验退役军人信息，免交退役证、退伍证'),
      household(false),
      photo(),
    ],
  },
  {
    code: 'svc.veteran_hardship.apply', name: '困难退役军人帮扶援助申请', line: 'veterans_affairs', level: 'county', targets: person, category: 'other',
    legalBasis: '《中华人民共和国退役军人保障法》', timeLimitDays: 10, statutoryDays: 20,
    materials: [
      form('困难退役军人帮扶援助申请表'),
      idCard,
      data('退役证件', { resource: 'veteran', require: 'exists' }, true, '核验退役军人信息'),
      incomeCommitment,
      proof('minimum_living', '低保证明'),
    ],
  },
];

const disabledPersons: ServiceItemDefinition[] = [
  {
    code: 'svc.disability_certificate.new', name: '残疾人证申领', line: 'disabled_persons', level: 'county', targets: person, category: 'new',
    legalBasis: '《中华人民共和国残疾人保障法》；《中华人民共和国残疾人证管理办法》', timeLimitDays: 10, statutoryDays: 20,
    materials: [form('残疾人证申请表'), idCard, household(), photo(), submit('残疾评定表', true, '由指定评定机构出具')],
  },
  {
    code: 'svc.disability_certificate.renew', name: '残疾人证换领', line: 'disabled_persons', level: 'county', targets: person, category: 'renew',
    legalBasis: '《中华人民共和国残疾人保障法》；《中华人民共和国残疾人证管理办法》', timeLimitDays: 10, statutoryDays: 20, licenseType: 'disability_certificate',
    materials: [form('残疾人证换领申请表'), idCard, license('disability_certificate', '原残疾人证'), photo(), submit('残疾评定表', false, '需重新评定的')],
  },
  {
    code: 'svc.child_rehabilitation.apply', name: '残疾儿童康复救助申请', line: 'disabled_persons', level: 'county', targets: person, category: 'other',
    legalBasis: '《国务院关于建立残疾儿童康复救助制度的意见》（国发〔2018〕20号）', timeLimitDays: 10, statutoryDays: 15,
    materials: [
      form('残疾儿童康复救助申请审批表'),
      license('resident_id_card', '监护人居民身份证'),
      data('儿童户口簿', HOUSEHOLD_ACTIVE, true),
      submit('医疗机构出具的诊断证明', true),
      proof('minimum_living', '低保证明', false, '困难家庭申请提高救助标准的'),
    ],
  },
];

const justice: ServiceItemDefinition[] = [
  {
    code: 'svc.legal_aid.apply', name: '法律援助申请', line: 'justice', level: 'county', targets: person, category: 'other',
    legalBasis: '《中华人民共和国法律援助法》第四十一条、第四十三条', timeLimitDays: 3, statutoryDays: 7,
    materials: [
      form('法律援助申请表'),
      idCard,
      proof('legal_aid_hardship', '经济困难状况证明', false, '信息共享查询；查询不到的可作个人诚信承诺'),
      submit('与所申请法律援助事项有关的材料'),
    ],
  },
];

const taxation: ServiceItemDefinition[] = [
  {
    code: 'svc.tax_record.issue', name: '开具个人所得税纳税记录', line: 'taxation', level: 'county', targets: person, category: 'other',
    legalBasis: '《中华人民共和国税收征收管理法》', timeLimitDays: 1, statutoryDays: 1,
    materials: [idCard, submit('授权委托书及受托人身份证件', false, '委托他人代为开具的')],
  },
  {
    code: 'svc.general_vat_taxpayer.register', name: '增值税一般纳税人登记', line: 'taxation', level: 'county', targets: org, category: 'other',
    legalBasis: '《增值税一般纳税人登记管理办法》（国家税务总局令第43号）', timeLimitDays: 1, statutoryDays: 1,
    materials: [form('增值税一般纳税人登记表'), businessLicense],
  },
];

const developmentReform: ServiceItemDefinition[] = [
  {
    code: 'svc.investment_project.filing', name: '企业投资项目备案', line: 'development_reform', level: 'county', targets: org, category: 'other',
    legalBasis: '《企业投资项目核准和备案管理条例》（国务院令第673号）', timeLimitDays: 1, statutoryDays: 1,
    materials: [form('企业投资项目备案信息表'), businessLicense],
  },
  {
    code: 'svc.energy_review.approve', name: '固定资产投资项目节能审查', line: 'development_reform', level: 'city', targets: org, category: 'other',
    legalBasis: '《中华人民共和国节约能源法》第十五条；《固定资产投资项目节能审查办法》（国家发展改革委令2023年第2号）', timeLimitDays: 10, statutoryDays: 20,
    materials: [form('节能审查申请文件'), businessLicense, submit('固定资产投资项目节能报告', true)],
  },
];

const commerce: ServiceItemDefinition[] = [
  {
    code: 'svc.prepaid_card.filing', name: '单用途商业预付卡发卡企业备案', line: 'commerce', level: 'city', targets: org, category: 'other',
    legalBasis: '《单用途商业预付卡管理办法（试行）》（商务部令2012年第9号）', timeLimitDays: 1, statutoryDays: 5,
    materials: [form('单用途商业预付卡发卡企业备案表'), businessLicense, submit('预付卡章程或者简章'), submit('资金存管协议')],
  },
];

const urbanManagement: ServiceItemDefinition[] = [
  {
    code: 'svc.outdoor_advertising.approve', name: '户外广告设施设置审批', line: 'urban_management', level: 'county', targets: org, category: 'other',
    legalBasis: '《城市市容和环境卫生管理条例》', timeLimitDays: 5, statutoryDays: 20,
    materials: [
      form('户外广告设施设置申请表'),
      businessLicense,
      commitment('设置地点使用权证明', '本单位承诺对户外广告设施设置地点依法享有使用权或者已取得权利人同意；如有不实，愿承担相应法律责任。'),
      submit('设计效果图及结构安全说明'),
    ],
  },
  {
    code: 'svc.construction_waste.approve', name: '城市建筑垃圾处置核准', line: 'urban_management', level: 'county', targets: org, category: 'other',
    legalBasis: '《城市建筑垃圾管理规定》（建设部令第139号）', timeLimitDays: 5, statutoryDays: 20,
    materials: [form('建筑垃圾处置核准申请表'), businessLicense, submit('建筑垃圾消纳场所受纳协议'), license('vehicle_license', '运输车辆行驶证', false)],
  },
  {
    code: 'svc.city_road_occupation.approve', name: '占用、挖掘城市道路审批', line: 'urban_management', level: 'county', targets: org, category: 'other',
    legalBasis: '《城市道路管理条例》', timeLimitDays: 5, statutoryDays: 20,
    materials: [form('占用、挖掘城市道路申请表'), businessLicense, submit('占用或者挖掘方案及施工图', true), submit('交通安全保障措施')],
  },
];

const HOUSING_FUND = '《住房公积金管理条例》第二十四条、第二十五条';
const employerCertificateCancelled = cancelled('单位出具的提取证明', '已取消：由住房公积金管理中心直接核验缴存信息');

const housingProvidentFund: ServiceItemDefinition[] = [
  {
    code: 'svc.housing_fund.withdraw_purchase', name: '住房公积金提取（购买自住住房）', line: 'housing_provident_fund', level: 'county', targets: person, category: 'other',
    legalBasis: HOUSING_FUND, timeLimitDays: 1, statutoryDays: 3,
    materials: [
      idCard,
      license('real_estate_certificate', '不动产权证书'),
      submit('购房发票', false, '不动产已登记的可不交'),
      maritalStatus(),
      employerCertificateCancelled,
    ],
  },
  {
    code: 'svc.housing_fund.withdraw_rent', name: '住房公积金提取（租房）', line: 'housing_provident_fund', level: 'county', targets: person, category: 'other',
    legalBasis: HOUSING_FUND, timeLimitDays: 1, statutoryDays: 3,
    materials: [
      idCard,
      proof('no_property', '无房证明', true, '由不动产登记信息自动生成'),
      commitment('房屋租赁合同', '本人承诺在本市无自有住房且确系租房自住；如有不实，愿退回已提取金额并承担相应责任。'),
      maritalStatus(),
      employerCertificateCancelled,
    ],
  },
  {
    code: 'svc.housing_fund.withdraw_retirement', name: '住房公积金提取（离休、退休）', line: 'housing_provident_fund', level: 'county', targets: person, category: 'other',
    legalBasis: HOUSING_FUND, timeLimitDays: 1, statutoryDays: 3,
    materials: [
      idCard,
      data('离休、退休证明', { resource: 'pension', require: 'field', field: 'receiving', equals: true }, true, '以养老保险待遇领取信息核验'),
      ssCard,
      employerCertificateCancelled,
    ],
  },
  {
    code: 'svc.housing_fund.loan', name: '住房公积金个人住房贷款', line: 'housing_provident_fund', level: 'county', targets: person, category: 'other',
    legalBasis: '《住房公积金管理条例》第二十六条', timeLimitDays: 7, statutoryDays: 15,
    materials: [
      form('住房公积金个人住房贷款申请表'),
      idCard,
      maritalStatus(true),
      submit('购房合同', true),
      submit('首付款凭证'),
      commitment('收入证明', '本人承诺收入稳定，具备按期偿还贷款本息的能力；如有不实，愿承担相应法律责任。', { resource: 'housing_fund', require: 'active' }),
    ],
  },
  {
    code: 'svc.housing_fund.deposit_register', name: '单位住房公积金缴存登记', line: 'housing_provident_fund', level: 'county', targets: org, category: 'new',
    legalBasis: '《住房公积金管理条例》第十三条', timeLimitDays: 1, statutoryDays: 5,
    materials: [form('单位住房公积金缴存登记表'), businessLicense],
  },
];

const militaryService: ServiceItemDefinition[] = [
  {
    code: 'svc.military_service.registration', name: '兵役登记', line: 'military_service', level: 'county', targets: person, category: 'other',
    legalBasis: '《中华人民共和国兵役法》', timeLimitDays: 1, statutoryDays: 1,
    materials: [
      idCard,
      household(false),
      data('学籍信息', { resource: 'student_status', require: 'field', field: 'status', equals: 'enrolled' }, false, '在校学生'),
    ],
  },
];

const PENSION_SCHEME = '《国务院关于建立统一的城乡居民基本养老保险制度的意见》（国发〔2014〕8号）';
const FAMILY_PLANNING = '《中华人民共和国人口与计划生育法》；《湖南省人口与计划生育条例》';

/** Items the township 便民服务中心 accepts and decides or first-reviews (乡镇初审). */
const township: ServiceItemDefinition[] = [
  {
    code: 'svc.old_age_allowance.apply', name: '高龄津贴申请', line: 'government_services', level: 'township', targets: person, category: 'other',
    legalBasis: '《中华人民共和国老年人权益保障法》第三十三条', timeLimitDays: 10, statutoryDays: 20,
    materials: [form('高龄津贴申请表'), idCard, household(), ssCard],
  },
  {
    code: 'svc.minimum_living.preliminary_review', name: '最低生活保障申请受理及初审', line: 'government_services', level: 'township', targets: person, category: 'other',
    legalBasis: `${SOCIAL_ASSISTANCE}第十一条；《最低生活保障审核确认办法》`, timeLimitDays: 15, statutoryDays: 20,
    materials: [form('最低生活保障申请书'), economicCheckConsent, idCard, household(), incomeCommitment, kinshipCancelled],
  },
  {
    code: 'svc.temporary_assistance.township', name: '临时救助申请（乡镇审批）', line: 'government_services', level: 'township', targets: person, category: 'other',
    legalBasis: `${SOCIAL_ASSISTANCE}第四十七条`, timeLimitDays: 5, statutoryDays: 10,
    materials: temporaryAssistanceMaterials,
  },
  {
    code: 'svc.family_planning_reward.apply', name: '农村部分计划生育家庭奖励扶助资格确认', line: 'government_services', level: 'township', targets: person, category: 'other',
    legalBasis: FAMILY_PLANNING, timeLimitDays: 20, statutoryDays: 30,
    materials: [form('计划生育家庭奖励扶助对象申报表'), idCard, household(), proof('only_child', '独生子女证明', true), license('marriage_certificate', '结婚证', false)],
  },
  {
    code: 'svc.rural_housing.approve', name: '农村村民住宅建设审批', line: 'government_services', level: 'township', targets: person, category: 'other',
    legalBasis: '《中华人民共和国土地管理法》第六十二条；《中华人民共和国城乡规划法》第四十一条', timeLimitDays: 10, statutoryDays: 20,
    materials: [
      form('农村宅基地和建房（规划许可）申请表'),
      idCard,
      household(),
      commitment('农村宅基地使用承诺书', '本户承诺符合"一户一宅"规定，建房后按期拆除旧房、退出原宅基地，并按批准的面积和位置建设；如有不实，愿承担相应法律责任。'),
      submit('村民小组会议讨论通过的意见', true),
      submit('农房设计图或者选用的通用图'),
      proof('dangerous_building', '危房鉴定证明', false, '拆除危房原址重建的'),
    ],
  },
  {
    code: 'svc.birth_registration.apply', name: '生育登记', line: 'government_services', level: 'township', targets: person, category: 'other',
    legalBasis: FAMILY_PLANNING, timeLimitDays: 1, statutoryDays: 1,
    materials: [form('生育登记表', '可通过"湘易办"在线填报'), license('resident_id_card', '夫妻双方居民身份证'), license('marriage_certificate', '结婚证', false), household(false)],
  },
  {
    code: 'svc.rural_urban_pension.enroll', name: '城乡居民基本养老保险参保登记', line: 'government_services', level: 'township', targets: person, category: 'other',
    legalBasis: `${INSURANCE_LAW}；${PENSION_SCHEME}`, timeLimitDays: 1, statutoryDays: 5,
    materials: [form('城乡居民基本养老保险参保登记表'), idCard, household()],
  },
  {
    code: 'svc.rural_urban_pension.claim', name: '城乡居民基本养老保险待遇领取', line: 'government_services', level: 'township', targets: person, category: 'other',
    legalBasis: PENSION_SCHEME, timeLimitDays: 5, statutoryDays: 10,
    materials: [form('城乡居民基本养老保险待遇领取申请表'), idCard, household(), ssCard],
  },
  {
    code: 'svc.unemployment.registration', name: '失业登记', line: 'government_services', level: 'township', targets: person, category: 'other',
    legalBasis: EMPLOYMENT, timeLimitDays: 1, statutoryDays: 5,
    materials: [form('失业登记表'), idCard, unemployedCommitment],
  },
  {
    code: 'svc.medical_assistance.apply', name: '医疗救助申请', line: 'government_services', level: 'township', targets: person, category: 'other',
    legalBasis: SOCIAL_ASSISTANCE, timeLimitDays: 10, statutoryDays: 20,
    materials: [
      form('医疗救助申请表'),
      idCard,
      household(false),
      submit('医疗费用票据及出院小结', true, '定点医疗机构"一站式"结算的不另交'),
      proof('minimum_living', '低保证明'),
      incomeCommitment,
    ],
  },
  {
    code: 'svc.elderly_preferential_card.apply', name: '老年人优待证办理', line: 'government_services', level: 'township', targets: person, category: 'other',
    legalBasis: '《中华人民共和国老年人权益保障法》；《湖南省实施〈中华人民共和国老年人权益保障法〉办法》', timeLimitDays: 5, statutoryDays: 10,
    materials: [form('老年人优待证申请表'), idCard, household(false), photo()],
  },
];

/** Every service item in the catalogue, by department line. */
export const SERVICE_ITEMS: readonly ServiceItemDefinition[] = [
  ...marketRegulation,
  ...transport,
  ...housingConstruction,
  ...naturalResources,
  ...ecologyEnvironment,
  ...health,
  ...humanResources,
  ...civilAffairs,
  ...publicSecurity,
  ...education,
  ...cultureTourism,
  ...tobacco,
  ...emergencyManagement,
  ...fireRescue,
  ...waterResources,
  ...forestry,
  ...agricultureRural,
  ...healthcareSecurity,
  ...veteransAffairs,
  ...disabledPersons,
  ...justice,
  ...taxation,
  ...developmentReform,
  ...commerce,
  ...urbanManagement,
  ...housingProvidentFund,
  ...militaryService,
  ...township,
];
