/**
 * The 容缺受理 lists (容缺受理事项清单) as published in numbered batches. Each batch states only what
 * it changes: entries added, entries changed (same item and material, new terms) and entries
 * withdrawn, so which terms applied on any day is the fold of the batches in force by then.
 */

/** The default cap on a deferral: never more than 20 working days (and never beyond the item's promised time). */
export const DEFERRAL_DAYS_CAP = 20;

/** The terms on which one non-critical material of one item may be supplied after acceptance. */
export interface DeferralTerms {
  /** The service item's code. */
  itemCode: string;
  /** The material's name, exactly as the item lists it. */
  material: string;
  /** Working days after acceptance within which it must be supplied. */
  days: number;
  /** 补交方式: how the applicant supplies it. */
  supplyMethod: string;
  /** 逾期后果: what happens when it is not supplied in time. */
  consequence: string;
}

/** One change a batch makes to the list in force. */
export type DeferralListChange =
  | ({ action: 'add' | 'change' } & DeferralTerms)
  | { action: 'withdraw'; itemCode: string; material: string; reason: string };

/** A numbered batch (第一批, 第二批 …) of the 容缺受理 list. */
export interface DeferralList {
  /** 批次: 1 for （第一批）. */
  batch: number;
  title: string;
  /** The department line that publishes it. */
  issuingLine: string;
  /** First day the batch applies (YYYY-MM-DD). */
  effectiveFrom: string;
  changes: readonly DeferralListChange[];
}

const ONLINE_OR_WINDOW = '到受理窗口补交，或通过"湘易办"、湖南省政务服务网上传';
const WINDOW_ORIGINAL = '到受理窗口补交原件核验';
const TERMINATE = '逾期未补交的，终止办理并退回申请，申请人可重新申请；未按承诺补交的情况记入申请人信用记录';
const REVOKE = '逾期未补交的，已作出的许可决定依法撤销，未按承诺补交的情况记入申请人信用记录';

/** The published batches, oldest first. */
export const DEFERRAL_LISTS: readonly DeferralList[] = [
  {
    batch: 1,
    title: '益阳市容缺受理事项清单（第一批）',
    issuingLine: 'government_services',
    effectiveFrom: '2025-07-01',
    changes: [
      { action: 'add', itemCode: 'svc.food_business_license.new', material: '从业人员健康证明', days: 5, supplyMethod: ONLINE_OR_WINDOW, consequence: REVOKE },
      { action: 'add', itemCode: 'svc.food_business_license.renew', material: '从业人员健康证明', days: 5, supplyMethod: ONLINE_OR_WINDOW, consequence: REVOKE },
      { action: 'add', itemCode: 'svc.public_place_hygiene_license.new', material: '卫生检测（评价）报告', days: 5, supplyMethod: ONLINE_OR_WINDOW, consequence: REVOKE },
      { action: 'add', itemCode: 'svc.public_place_hygiene_license.renew', material: '卫生检测（评价）报告', days: 5, supplyMethod: ONLINE_OR_WINDOW, consequence: REVOKE },
      { action: 'add', itemCode: 'svc.construction_permit.new', material: '保证工程质量和安全的具体措施', days: 3, supplyMethod: ONLINE_OR_WINDOW, consequence: TERMINATE },
      { action: 'add', itemCode: 'svc.drainage_permit.new', material: '排水水质检测报告', days: 5, supplyMethod: ONLINE_OR_WINDOW, consequence: TERMINATE },
      { action: 'add', itemCode: 'svc.pollutant_discharge_permit.new', material: '自行监测方案', days: 10, supplyMethod: ONLINE_OR_WINDOW, consequence: TERMINATE },
      { action: 'add', itemCode: 'svc.road_transport_business_license.new', material: '安全生产管理制度文本', days: 5, supplyMethod: ONLINE_OR_WINDOW, consequence: TERMINATE },
      { action: 'add', itemCode: 'svc.hazardous_chemicals_business_license.new', material: '生产安全事故应急预案', days: 10, supplyMethod: ONLINE_OR_WINDOW, consequence: TERMINATE },
      { action: 'add', itemCode: 'svc.gas_business_license.new', material: '燃气安全事故应急预案', days: 10, supplyMethod: ONLINE_OR_WINDOW, consequence: TERMINATE },
      { action: 'add', itemCode: 'svc.medical_institution_license.new', material: '医疗机构建筑设计平面图', days: 15, supplyMethod: ONLINE_OR_WINDOW, consequence: TERMINATE },
      { action: 'add', itemCode: 'svc.drug_business_license.new', material: '药品质量管理制度文件', days: 10, supplyMethod: ONLINE_OR_WINDOW, consequence: TERMINATE },
      { action: 'add', itemCode: 'svc.fire_safety_inspection_certificate.new', material: '消防安全制度、灭火和应急疏散预案', days: 3, supplyMethod: ONLINE_OR_WINDOW, consequence: REVOKE },
      { action: 'add', itemCode: 'svc.housing_fund.loan', material: '首付款凭证', days: 5, supplyMethod: WINDOW_ORIGINAL, consequence: '逾期未补交的，终止贷款审批，申请人可重新申请' },
      {
        action: 'add', itemCode: 'svc.temporary_assistance.apply', material: '困难情况说明及相关证明（医疗费用票据、事故证明等）', days: 5, supplyMethod: WINDOW_ORIGINAL,
        consequence: '逾期未补交的，按现有材料审核；困难情况无法核实的不予救助',
      },
    ],
  },
  {
    batch: 2,
    title: '益阳市容缺受理事项清单（第二批）',
    issuingLine: 'government_services',
    effectiveFrom: '2026-03-01',
    changes: [
      {
        action: 'change', itemCode: 'svc.pollutant_discharge_permit.new', material: '自行监测方案', days: 5, supplyMethod: ONLINE_OR_WINDOW,
        consequence: '逾期未补交的，终止办理并退回申请；排污单位不得在取得排污许可证前排放污染物',
      },
      { action: 'withdraw', itemCode: 'svc.road_transport_business_license.new', material: '安全生产管理制度文本', reason: '安全生产管理制度改为受理时一并提交，不再容缺' },
      { action: 'add', itemCode: 'svc.entertainment_business_license.new', material: '经营场所平面图', days: 5, supplyMethod: ONLINE_OR_WINDOW, consequence: TERMINATE },
      { action: 'add', itemCode: 'svc.medical_device_business_license.new', material: '经营质量管理制度、工作程序等文件目录', days: 10, supplyMethod: ONLINE_OR_WINDOW, consequence: TERMINATE },
      { action: 'add', itemCode: 'svc.water_intake_permit.new', material: '与第三者利害关系的相关说明', days: 15, supplyMethod: ONLINE_OR_WINDOW, consequence: TERMINATE },
      { action: 'add', itemCode: 'svc.drinking_water_hygiene.new', material: '水质检测报告', days: 10, supplyMethod: ONLINE_OR_WINDOW, consequence: REVOKE },
    ],
  },
];
