/**
 * The licence types (证照目录) seeded into every installation: real Chinese licences and
 * certificates with the functional line that issues them, who holds them, how long they are
 * valid and the service item that renews them (resolved by the service catalogue).
 */

/** How a licence's validity is computed when it is issued. */
export type ValidityRule =
  | { kind: 'years'; years: number }
  | { kind: 'permanent' }
  /** 居民身份证 (GB 11643 holders): 5 years under 16, 10 under 26, 20 under 46, then long-term. */
  | { kind: 'resident_id' };

export interface LicenseTypeSeed {
  /** Stable code used in APIs, imports and the service catalogue. */
  code: string;
  name: string;
  /** Department line that issues it (see docs/glossary.md); counterparts at every level may issue. */
  issuingLine: string;
  holderKinds: readonly ('person' | 'organization')[];
  validity: ValidityRule;
  /** Code of the service item that renews (延续/换领) it; null when it does not expire. */
  renewalServiceCode: string | null;
  /** Type-specific fields printed on the licence (beyond the GB/T 36904 metadata). */
  fields: readonly { key: string; label: string }[];
}

const years = (n: number): ValidityRule => ({ kind: 'years', years: n });
const permanent: ValidityRule = { kind: 'permanent' };
const org = ['organization'] as const;
const person = ['person'] as const;
const both = ['person', 'organization'] as const;
const renew = (code: string) => `svc.${code}.renew`;

const address = { key: 'address', label: '住所' };
const premises = { key: 'premises', label: '经营场所' };
const scope = { key: 'scope', label: '经营范围' };
const items = { key: 'items', label: '许可项目' };

export const LICENSE_TYPES: readonly LicenseTypeSeed[] = [
  { code: 'business_license', name: '营业执照', issuingLine: 'market_regulation', holderKinds: org, validity: permanent, renewalServiceCode: null, fields: [address, { key: 'legalRepresentative', label: '法定代表人' }, { key: 'registeredCapital', label: '注册资本' }, scope] },
  { code: 'food_business_license', name: '食品经营许可证', issuingLine: 'market_regulation', holderKinds: org, validity: years(5), renewalServiceCode: renew('food_business_license'), fields: [premises, { key: 'mainBusiness', label: '主体业态' }, items] },
  { code: 'food_production_license', name: '食品生产许可证', issuingLine: 'market_regulation', holderKinds: org, validity: years(5), renewalServiceCode: renew('food_production_license'), fields: [address, { key: 'foodCategory', label: '食品类别' }] },
  { code: 'food_workshop_registration', name: '食品小作坊登记证', issuingLine: 'market_regulation', holderKinds: org, validity: years(3), renewalServiceCode: renew('food_workshop_registration'), fields: [premises, { key: 'foodCategory', label: '生产品种' }] },
  { code: 'drug_business_license', name: '药品经营许可证', issuingLine: 'market_regulation', holderKinds: org, validity: years(5), renewalServiceCode: renew('drug_business_license'), fields: [address, scope, { key: 'qualityManager', label: '质量负责人' }] },
  { code: 'medical_device_business_license', name: '医疗器械经营许可证', issuingLine: 'market_regulation', holderKinds: org, validity: years(5), renewalServiceCode: renew('medical_device_business_license'), fields: [premises, scope] },
  { code: 'special_equipment_registration', name: '特种设备使用登记证', issuingLine: 'market_regulation', holderKinds: org, validity: permanent, renewalServiceCode: null, fields: [{ key: 'equipment', label: '设备类别' }, { key: 'equipmentCode', label: '设备代码' }] },
  { code: 'licensed_pharmacist', name: '执业药师注册证', issuingLine: 'market_regulation', holderKinds: person, validity: years(5), renewalServiceCode: renew('licensed_pharmacist'), fields: [{ key: 'employer', label: '执业单位' }] },
  { code: 'road_transport_business_license', name: '道路运输经营许可证', issuingLine: 'transport', holderKinds: org, validity: years(4), renewalServiceCode: renew('road_transport_business_license'), fields: [address, scope] },
  { code: 'road_transport_certificate', name: '道路运输证', issuingLine: 'transport', holderKinds: org, validity: years(3), renewalServiceCode: renew('road_transport_certificate'), fields: [{ key: 'plate', label: '车辆号牌' }, scope] },
  { code: 'transport_worker_qualification', name: '道路运输从业人员从业资格证', issuingLine: 'transport', holderKinds: person, validity: years(6), renewalServiceCode: renew('transport_worker_qualification'), fields: [{ key: 'category', label: '从业资格类别' }] },
  { code: 'taxi_business_license', name: '出租汽车经营许可证', issuingLine: 'transport', holderKinds: org, validity: years(4), renewalServiceCode: renew('taxi_business_license'), fields: [address, { key: 'fleetSize', label: '车辆数' }] },
  { code: 'construction_enterprise_qualification', name: '建筑业企业资质证书', issuingLine: 'housing_construction', holderKinds: org, validity: years(5), renewalServiceCode: renew('construction_enterprise_qualification'), fields: [{ key: 'grade', label: '资质类别及等级' }] },
  { code: 'construction_permit', name: '建筑工程施工许可证', issuingLine: 'housing_construction', holderKinds: org, validity: permanent, renewalServiceCode: null, fields: [{ key: 'project', label: '工程名称' }, { key: 'site', label: '建设地址' }, { key: 'contractPrice', label: '合同价格' }] },
  { code: 'gas_business_license', name: '燃气经营许可证', issuingLine: 'housing_construction', holderKinds: org, validity: years(5), renewalServiceCode: renew('gas_business_license'), fields: [address, { key: 'gasType', label: '气源种类' }, { key: 'area', label: '经营区域' }] },
  { code: 'drainage_permit', name: '城镇污水排入排水管网许可证', issuingLine: 'housing_construction', holderKinds: org, validity: years(5), renewalServiceCode: renew('drainage_permit'), fields: [{ key: 'outlet', label: '排水口' }, { key: 'volume', label: '排水量' }] },
  { code: 'safety_production_license', name: '安全生产许可证', issuingLine: 'emergency_management', holderKinds: org, validity: years(3), renewalServiceCode: renew('safety_production_license'), fields: [address, scope] },
  { code: 'hazardous_chemicals_business_license', name: '危险化学品经营许可证', issuingLine: 'emergency_management', holderKinds: org, validity: years(3), renewalServiceCode: renew('hazardous_chemicals_business_license'), fields: [address, { key: 'storage', label: '储存设施' }, scope] },
  { code: 'pollutant_discharge_permit', name: '排污许可证', issuingLine: 'ecology_environment', holderKinds: org, validity: years(5), renewalServiceCode: renew('pollutant_discharge_permit'), fields: [address, { key: 'industry', label: '行业类别' }, { key: 'pollutants', label: '主要污染物' }] },
  { code: 'public_place_hygiene_license', name: '公共场所卫生许可证', issuingLine: 'health', holderKinds: org, validity: years(4), renewalServiceCode: renew('public_place_hygiene_license'), fields: [premises, items] },
  { code: 'medical_institution_license', name: '医疗机构执业许可证', issuingLine: 'health', holderKinds: org, validity: years(5), renewalServiceCode: renew('medical_institution_license'), fields: [address, { key: 'subjects', label: '诊疗科目' }, { key: 'beds', label: '床位' }] },
  { code: 'physician_practice_certificate', name: '医师执业证书', issuingLine: 'health', holderKinds: person, validity: permanent, renewalServiceCode: null, fields: [{ key: 'category', label: '执业类别' }, { key: 'employer', label: '执业地点' }] },
  { code: 'nurse_practice_certificate', name: '护士执业证书', issuingLine: 'health', holderKinds: person, validity: years(5), renewalServiceCode: renew('nurse_practice_certificate'), fields: [{ key: 'employer', label: '执业地点' }] },
  { code: 'birth_medical_certificate', name: '出生医学证明', issuingLine: 'health', holderKinds: person, validity: permanent, renewalServiceCode: null, fields: [{ key: 'birthPlace', label: '出生地点' }, { key: 'mother', label: '母亲姓名' }, { key: 'father', label: '父亲姓名' }] },
  { code: 'tobacco_retail_license', name: '烟草专卖零售许可证', issuingLine: 'tobacco', holderKinds: org, validity: years(5), renewalServiceCode: renew('tobacco_retail_license'), fields: [premises, { key: 'manager', label: '负责人' }] },
  { code: 'water_intake_permit', name: '取水许可证', issuingLine: 'water_resources', holderKinds: org, validity: years(5), renewalServiceCode: renew('water_intake_permit'), fields: [{ key: 'source', label: '水源类型' }, { key: 'volume', label: '取水量' }, { key: 'location', label: '取水地点' }] },
  { code: 'river_sand_mining_license', name: '河道采砂许可证', issuingLine: 'water_resources', holderKinds: org, validity: years(1), renewalServiceCode: renew('river_sand_mining_license'), fields: [{ key: 'reach', label: '开采河段' }, { key: 'quantity', label: '控制开采总量' }] },
  { code: 'logging_permit', name: '林木采伐许可证', issuingLine: 'forestry', holderKinds: both, validity: years(1), renewalServiceCode: renew('logging_permit'), fields: [{ key: 'location', label: '采伐地点' }, { key: 'volume', label: '采伐蓄积' }] },
  { code: 'fishing_license', name: '渔业捕捞许可证', issuingLine: 'agriculture_rural', holderKinds: both, validity: years(5), renewalServiceCode: renew('fishing_license'), fields: [{ key: 'vessel', label: '船名号' }, { key: 'area', label: '作业场所' }] },
  { code: 'veterinary_drug_business_license', name: '兽药经营许可证', issuingLine: 'agriculture_rural', holderKinds: org, validity: years(5), renewalServiceCode: renew('veterinary_drug_business_license'), fields: [address, scope] },
  { code: 'pesticide_business_license', name: '农药经营许可证', issuingLine: 'agriculture_rural', holderKinds: org, validity: years(5), renewalServiceCode: renew('pesticide_business_license'), fields: [premises, scope] },
  { code: 'seed_business_license', name: '农作物种子生产经营许可证', issuingLine: 'agriculture_rural', holderKinds: org, validity: years(5), renewalServiceCode: renew('seed_business_license'), fields: [address, { key: 'crops', label: '作物种类' }] },
  { code: 'animal_epidemic_prevention_certificate', name: '动物防疫条件合格证', issuingLine: 'agriculture_rural', holderKinds: org, validity: permanent, renewalServiceCode: null, fields: [address, { key: 'scale', label: '经营范围' }] },
  { code: 'hr_service_license', name: '人力资源服务许可证', issuingLine: 'human_resources_social_security', holderKinds: org, validity: years(5), renewalServiceCode: renew('hr_service_license'), fields: [address, items] },
  { code: 'social_security_card', name: '社会保障卡', issuingLine: 'human_resources_social_security', holderKinds: person, validity: years(10), renewalServiceCode: renew('social_security_card'), fields: [{ key: 'cardNumber', label: '卡号' }] },
  { code: 'private_school_license', name: '民办学校办学许可证', issuingLine: 'education', holderKinds: org, validity: years(5), renewalServiceCode: renew('private_school_license'), fields: [address, { key: 'levels', label: '办学层次' }] },
  { code: 'teacher_qualification', name: '教师资格证', issuingLine: 'education', holderKinds: person, validity: permanent, renewalServiceCode: null, fields: [{ key: 'category', label: '资格种类' }, { key: 'subject', label: '任教学科' }] },
  { code: 'entertainment_business_license', name: '娱乐经营许可证', issuingLine: 'culture_tourism', holderKinds: org, validity: years(2), renewalServiceCode: renew('entertainment_business_license'), fields: [premises, items] },
  { code: 'internet_culture_license', name: '网络文化经营许可证', issuingLine: 'culture_tourism', holderKinds: org, validity: years(3), renewalServiceCode: renew('internet_culture_license'), fields: [address, scope] },
  { code: 'travel_agency_license', name: '旅行社业务经营许可证', issuingLine: 'culture_tourism', holderKinds: org, validity: permanent, renewalServiceCode: null, fields: [address, scope] },
  { code: 'fire_safety_inspection_certificate', name: '公众聚集场所投入使用营业前消防安全检查合格证', issuingLine: 'fire_rescue', holderKinds: org, validity: permanent, renewalServiceCode: null, fields: [premises, { key: 'area', label: '使用面积' }] },
  { code: 'resident_id_card', name: '居民身份证', issuingLine: 'public_security', holderKinds: person, validity: { kind: 'resident_id' }, renewalServiceCode: renew('resident_id_card'), fields: [{ key: 'address', label: '住址' }] },
  { code: 'driving_license', name: '机动车驾驶证', issuingLine: 'public_security', holderKinds: person, validity: years(6), renewalServiceCode: renew('driving_license'), fields: [{ key: 'class', label: '准驾车型' }] },
  { code: 'vehicle_license', name: '机动车行驶证', issuingLine: 'public_security', holderKinds: both, validity: permanent, renewalServiceCode: null, fields: [{ key: 'plate', label: '号牌号码' }, { key: 'vehicleType', label: '车辆类型' }, { key: 'vin', label: '车辆识别代号' }] },
  { code: 'real_estate_certificate', name: '不动产权证书', issuingLine: 'natural_resources', holderKinds: both, validity: permanent, renewalServiceCode: null, fields: [{ key: 'location', label: '坐落' }, { key: 'unit', label: '不动产单元号' }, { key: 'area', label: '面积' }, { key: 'use', label: '用途' }] },
  { code: 'marriage_certificate', name: '结婚证', issuingLine: 'civil_affairs', holderKinds: person, validity: permanent, renewalServiceCode: null, fields: [{ key: 'spouse', label: '配偶姓名' }, { key: 'registeredOn', label: '登记日期' }] },
  { code: 'disability_certificate', name: '残疾人证', issuingLine: 'disabled_persons', holderKinds: person, validity: years(10), renewalServiceCode: renew('disability_certificate'), fields: [{ key: 'category', label: '残疾类别' }, { key: 'grade', label: '残疾等级' }] },
  { code: 'veteran_preferential_card', name: '中华人民共和国退役军人优待证', issuingLine: 'veterans_affairs', holderKinds: person, validity: permanent, renewalServiceCode: null, fields: [{ key: 'category', label: '优待对象类别' }] },
  { code: 'lawyer_practice_certificate', name: '律师执业证', issuingLine: 'justice', holderKinds: person, validity: permanent, renewalServiceCode: null, fields: [{ key: 'firm', label: '执业机构' }] },
];
