import { cnDate, issue, refuse, type ProofTypeDefinition } from './proof-type.definition.js';

const GRADE = { A: 'A级（结构能满足安全使用要求）', B: 'B级（个别结构构件不满足安全使用要求）', C: 'C级（局部危房）', D: 'D级（整幢危房）' } as const;

/** Property and land proofs (不动产、危房鉴定、土地承包). */
export const PROPERTY_PROOFS: readonly ProofTypeDefinition[] = [
  {
    code: 'no_property',
    name: '无房证明（不动产登记信息查询结果）',
    description: '证明申请人在本市范围内名下无不动产登记记录',
    issuingLine: 'natural_resources',
    holderKinds: ['person'],
    resources: ['real_estate'],
    validityDays: 30,
    fields: [{ key: 'result', label: '查询结果' }],
    template: [
      '经查询益阳市不动产登记信息，截至{checkedOn}，{holderName}（公民身份号码：{holderCode}）{result}。',
      '本查询结果仅反映本市不动产登记簿记载的信息。',
      '特此证明。',
    ],
    /** Refused when the register shows any property in the holder's name; no record at all means nothing is registered. */
    rule: ({ records, today }) => {
      const properties = records.real_estate?.facts.properties ?? [];
      if (properties.length > 0) return refuse(`不动产登记信息显示申请人名下有${properties.length}处不动产，不能出具无房证明`);
      return issue({ checkedOn: cnDate(today), result: '在本市范围内名下无不动产登记记录' }, '本市范围内名下无不动产登记记录');
    },
  },
  {
    code: 'real_estate_holdings',
    name: '不动产登记信息证明',
    description: '证明申请人在本市名下登记的不动产',
    issuingLine: 'natural_resources',
    holderKinds: ['person', 'organization'],
    resources: ['real_estate'],
    validityDays: 30,
    fields: [{ key: 'count', label: '不动产数量' }],
    template: [
      '经查询益阳市不动产登记信息，截至{checkedOn}，{holderName}（{holderCodeLabel}：{holderCode}）名下登记有下列不动产：{list}。',
      '特此证明。',
    ],
    /** Lists every registered property; refused when there is none (a 无房证明 is the proof for that). */
    rule: ({ records, today }) => {
      const properties = records.real_estate?.facts.properties ?? [];
      if (properties.length === 0) return refuse('不动产登记信息显示申请人名下无不动产，可申请无房证明');
      const list = properties.map((p, i) => `${i + 1}.${p.location}，${p.certificateNumber}，建筑面积${p.area}平方米，用途${p.use}，登记于${cnDate(p.registeredOn)}`).join('；');
      return issue({ checkedOn: cnDate(today), list, count: `${properties.length}处` }, `名下登记有${properties.length}处不动产`);
    },
  },
  {
    code: 'dangerous_building',
    name: '危房鉴定证明',
    description: '证明申请人住房经房屋安全鉴定为危险房屋（C级或D级）',
    issuingLine: 'housing_construction',
    holderKinds: ['person'],
    resources: ['building_safety'],
    validityDays: 180,
    fields: [
      { key: 'address', label: '房屋坐落' },
      { key: 'grade', label: '鉴定等级' },
    ],
    template: [
      '兹证明{holderName}（公民身份号码：{holderCode}）位于{address}的房屋，经{agency}于{appraisedOn}依据《危险房屋鉴定标准》（JGJ 125）鉴定，鉴定等级为{grade}，属于危险房屋。',
      '特此证明。',
    ],
    /** JGJ 125: only grades C and D are 危房; refused for A or B, or without an appraisal. */
    rule: ({ records }) => {
      const b = records.building_safety?.facts;
      if (!b) return refuse('未查询到申请人住房的房屋安全鉴定信息，请先申请房屋安全鉴定');
      if (b.grade === 'A' || b.grade === 'B') return refuse(`房屋安全鉴定等级为${GRADE[b.grade]}，不属于危险房屋`);
      return issue({ address: b.address, agency: b.agency, appraisedOn: cnDate(b.appraisedOn), grade: GRADE[b.grade] }, `房屋鉴定为${b.grade}级危房`);
    },
  },
  {
    code: 'land_contract',
    name: '农村土地承包经营权证明',
    description: '证明申请人家庭承包经营的农村土地及承包期限',
    issuingLine: 'agriculture_rural',
    holderKinds: ['person'],
    resources: ['land_contract'],
    validityDays: 180,
    fields: [
      { key: 'village', label: '发包方' },
      { key: 'area', label: '承包面积' },
      { key: 'term', label: '承包期限' },
    ],
    template: [
      '兹证明{holderName}（公民身份号码：{holderCode}）家庭承包经营{village}农村土地{plots}块，承包面积{area}，承包期限为{term}，土地承包经营权证书编号为{certificateNumber}。',
      '特此证明。',
    ],
    /** Refused when no land-contract registration is on file. */
    rule: ({ records }) => {
      const c = records.land_contract?.facts;
      if (!c) return refuse('未查询到申请人家庭的农村土地承包经营权登记信息');
      return issue(
        { village: c.village, plots: String(c.plots), area: `${c.areaMu}亩`, term: `${cnDate(c.termFrom)}至${cnDate(c.termUntil)}`, certificateNumber: c.certificateNumber },
        `承包土地${c.areaMu}亩`,
      );
    },
  },
];
