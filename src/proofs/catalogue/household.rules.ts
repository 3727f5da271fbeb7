import { cnDate, issue, refuse, type ProofTypeDefinition } from './proof-type.definition.js';

/** Household and residence proofs (户籍、居住、亲属关系), issued by the police (公安) from its registers. */
export const HOUSEHOLD_PROOFS: readonly ProofTypeDefinition[] = [
  {
    code: 'residence',
    name: '居住证明',
    description: '证明申请人在本市的居住地址和居住起始日期',
    issuingLine: 'public_security',
    holderKinds: ['person'],
    resources: ['residence_registration', 'household_registration'],
    validityDays: 90,
    fields: [
      { key: 'address', label: '现居住地址' },
      { key: 'since', label: '居住起始日期' },
    ],
    template: [
      '兹证明{holderName}（公民身份号码：{holderCode}）自{since}起居住于{address}，居住情况属实。',
      '本证明依据公安机关{basis}出具，仅证明申请人在上述地址的居住事实。',
      '特此证明。',
    ],
    /** The residence registration (居住登记) when there is one, else the household address if the registration is active. */
    rule: ({ records }) => {
      const residence = records.residence_registration?.facts;
      if (residence) return issue({ address: residence.address, since: cnDate(residence.since), basis: '居住登记信息' }, `自${cnDate(residence.since)}起在本市居住`);
      const household = records.household_registration?.facts;
      if (household?.status === 'active') return issue({ address: household.address, since: cnDate(household.registeredOn), basis: '户籍登记信息' }, `自${cnDate(household.registeredOn)}起在本市居住`);
      return refuse('未查询到申请人在本市的居住登记或有效户籍登记信息，无法证明其居住事实');
    },
  },
  {
    code: 'household_registration',
    name: '户籍证明',
    description: '证明申请人的户籍登记地址、户主及与户主关系',
    issuingLine: 'public_security',
    holderKinds: ['person'],
    resources: ['household_registration'],
    validityDays: 90,
    fields: [
      { key: 'address', label: '户籍地址' },
      { key: 'householder', label: '户主姓名' },
      { key: 'relation', label: '与户主关系' },
    ],
    template: [
      '兹证明{holderName}（公民身份号码：{holderCode}）户籍登记于{address}，户主为{householder}，与户主关系为{relation}，于{registeredOn}登记入户。',
      '本证明依据公安机关户籍登记信息出具。',
      '特此证明。',
    ],
    /** Refused when there is no household record here (registered elsewhere) or the registration has been cancelled (户口已注销). */
    rule: ({ records }) => {
      const household = records.household_registration?.facts;
      if (!household) return refuse('未查询到申请人在本市的户籍登记信息（户籍可能不在本市），请向户籍所在地公安机关申请');
      if (household.status === 'cancelled') return refuse('申请人户口已注销，不能出具户籍证明');
      return issue(
        { address: household.address, householder: household.householder, relation: household.relationToHouseholder, registeredOn: cnDate(household.registeredOn) },
        '户籍登记在本市',
      );
    },
  },
  {
    code: 'kinship',
    name: '亲属关系证明',
    description: '证明申请人与其配偶、父母、子女等亲属的关系',
    issuingLine: 'public_security',
    holderKinds: ['person'],
    resources: ['household_registration', 'marriage_registration', 'birth'],
    validityDays: 90,
    fields: [{ key: 'relatives', label: '亲属' }],
    template: [
      '兹证明{holderName}（公民身份号码：{holderCode}）与下列人员存在亲属关系：{relatives}。',
      '上述亲属关系依据{basis}确认。',
      '特此证明。',
    ],
    /** Relatives from the household register, a current marriage and the birth record; refused when none is on file. */
    rule: ({ records }) => {
      const relatives = new Map<string, string>();
      const basis = new Set<string>();
      for (const m of records.household_registration?.facts.members ?? []) {
        relatives.set(m.name, m.relation);
        basis.add('户籍登记信息');
      }
      const marriage = records.marriage_registration?.facts;
      if (marriage?.status === 'married' && !relatives.has(marriage.spouseName)) {
        relatives.set(marriage.spouseName, '配偶');
        basis.add('婚姻登记信息');
      }
      const birth = records.birth?.facts;
      for (const [name, relation] of birth ? ([[birth.fatherName, '父亲'], [birth.motherName, '母亲']] as const) : []) {
        if (!relatives.has(name)) {
          relatives.set(name, relation);
          basis.add('出生医学证明信息');
        }
      }
      if (relatives.size === 0) return refuse('户籍、婚姻和出生登记信息中均未查询到申请人的亲属，无法证明亲属关系');
      const list = [...relatives].map(([name, relation]) => `${name}（${relation}）`).join('、');
      return issue({ relatives: list, basis: [...basis].join('、') }, `与${relatives.size}名亲属的关系经登记信息确认`);
    },
  },
];
