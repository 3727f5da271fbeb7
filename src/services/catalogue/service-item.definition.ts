import type { ResourceCode } from '../../exchange/index.js';

/**
 * The shape of the service catalogue (政务服务事项目录) as it is seeded, imported from .xlsx and
 * exported: service items with their required materials (申请材料), each material saying how the
 * government can spare the applicant from submitting it (免提交 / exemption mode).
 */

/** What a material is. */
export type MaterialKind = 'license' | 'proof' | 'data' | 'form' | 'other';

/**
 * How a material can be exempted from submission:
 * - `none`: must be submitted (or deferred, 容缺, when not critical and a deferral list allows it);
 * - `license`: looked up in the licence registry (the applicant's valid licence of `licenseType`);
 * - `proof`: the proof of `proofType` is issued automatically from data;
 * - `data`: checked against a department's data resource (`check`);
 * - `commitment`: replaced by a signed commitment (告知承诺, `commitmentText`), verified later against `check` when given;
 * - `cancelled`: no longer required at all (取消).
 */
export type ExemptionMode = 'none' | 'license' | 'proof' | 'data' | 'commitment' | 'cancelled';

/** A check of a data resource: the record exists, is active, or a field has a value. */
export type DataCheck =
  | { resource: ResourceCode; require: 'exists' }
  | { resource: ResourceCode; require: 'active' }
  | { resource: ResourceCode; require: 'field'; field: string; equals: string | number | boolean };

export interface MaterialDefinition {
  name: string;
  kind: MaterialKind;
  /** kind license: the licence type code (src/licenses/catalogue/license-types.data.ts). */
  licenseType?: string;
  /** kind proof: the proof type code (src/proofs/catalogue). */
  proofType?: string;
  exemption: ExemptionMode;
  /** A critical (key) material can never be deferred (容缺). */
  critical: boolean;
  /** exemption data, or commitment verified later. */
  check?: DataCheck;
  /** exemption commitment: the text the applicant signs (zh-CN). */
  commitmentText?: string;
  /** Notes for the window clerk (份数, 原件/复印件 …). */
  notes?: string;
}

/** Level of government that handles the item. */
export type ServiceLevel = 'city' | 'county' | 'township';

/** 新办 / 延续 / 变更 / 注销 / 其他 (给付、确认、登记 …). */
export type ServiceCategory = 'new' | 'renew' | 'change' | 'cancel' | 'other';

export interface ServiceItemDefinition {
  /** Stable code; renewal items are `svc.<licence type>.renew` (the licence types point at them). */
  code: string;
  name: string;
  /** Department line responsible (see docs/glossary.md). */
  line: string;
  level: ServiceLevel;
  targets: readonly ('person' | 'organization')[];
  category: ServiceCategory;
  /** Legal basis (设定依据), e.g. 《中华人民共和国食品安全法》第三十五条. */
  legalBasis: string;
  /** Promised processing time (承诺办结时限) in working days. */
  timeLimitDays: number;
  /** Statutory processing time (法定办结时限) in working days. */
  statutoryDays: number;
  /** Renewal and change items: the licence type whose new version completion issues. */
  licenseType?: string;
  materials: readonly MaterialDefinition[];
}
