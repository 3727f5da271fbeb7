import { cnDate, issue, refuse, type ProofTypeDefinition } from './proof-type.definition.js';

const MARITAL = { married: '已婚', divorced: '离异', widowed: '丧偶' } as const;

/** Civil-status proofs (婚姻、出生、死亡、独生子女), from the civil-affairs and health registers. */
export const CIVIL_STATUS_PROOFS: readonly ProofTypeDefinition[] = [
  {
    code: 'marital_status',
    name: '婚姻状况证明',
    description: '证明申请人当前的婚姻状况（未婚、已婚、离异、丧偶）',
    issuingLine: 'civil_affairs',
    holderKinds: ['person'],
    resources: ['marriage_registration'],
    validityDays: 90,
    fields: [{ key: 'maritalStatus', label: '婚姻状况' }],
    template: [
      '兹证明{holderName}（公民身份号码：{holderCode}）的婚姻状况为：{maritalStatus}。',
      '{detail}',
      '本证明依据民政部门婚姻登记信息出具。',
      '特此证明。',
    ],
    /** States the latest registration: 已婚, 离异 or 丧偶; no registration on file states 未婚. */
    rule: ({ records }) => {
      const marriage = records.marriage_registration?.facts;
      if (!marriage) return issue({ maritalStatus: '未婚', detail: '经查询婚姻登记信息，未发现其有婚姻登记记录。' }, '婚姻状况：未婚');
      const when = cnDate(marriage.registeredOn);
      const detail =
        marriage.status === 'married'
          ? `其于${when}在${marriage.office}与${marriage.spouseName}登记结婚。`
          : marriage.status === 'divorced'
            ? `其于${when}在${marriage.office}办理离婚登记，现未再婚。`
            : `其配偶${marriage.spouseName}已去世，现未再婚。`;
      return issue({ maritalStatus: MARITAL[marriage.status], detail }, `婚姻状况：${MARITAL[marriage.status]}`);
    },
  },
  {
    code: 'unmarried',
    name: '未婚证明（无婚姻登记记录证明）',
    description: '证明申请人没有任何婚姻登记记录',
    issuingLine: 'civil_affairs',
    holderKinds: ['person'],
    resources: ['marriage_registration'],
    validityDays: 90,
    fields: [{ key: 'result', label: '查询结果' }],
    template: [
      '兹证明{holderName}（公民身份号码：{holderCode}），经查询婚姻登记信息，截至{checkedOn}，{result}。',
      '特此证明。',
    ],
    /** Refused when any marriage registration is on file (married, divorced or widowed). */
    rule: ({ records, today }) => {
      const marriage = records.marriage_registration?.facts;
      if (marriage?.status === 'married') return refuse('婚姻登记信息显示申请人已婚，不能出具未婚证明');
      if (marriage) return refuse(`婚姻登记信息显示申请人曾登记结婚（现${MARITAL[marriage.status]}），不能出具无婚姻登记记录证明，可申请婚姻状况证明`);
      return issue({ checkedOn: cnDate(today), result: '未发现其有婚姻登记记录' }, '无婚姻登记记录');
    },
  },
  {
    code: 'birth',
    name: '出生证明',
    description: '证明申请人的出生时间、地点和父母',
    issuingLine: 'health',
    holderKinds: ['person'],
    resources: ['birth'],
    validityDays: 180,
    fields: [
      { key: 'birthDate', label: '出生日期' },
      { key: 'place', label: '出生地点' },
      { key: 'father', label: '父亲姓名' },
      { key: 'mother', label: '母亲姓名' },
    ],
    template: [
      '兹证明{holderName}（公民身份号码：{holderCode}）于{birthDate}出生于{place}，父亲{father}，母亲{mother}，出生医学证明编号为{certificateNumber}。',
      '本证明依据卫生健康部门出生医学证明信息出具。',
      '特此证明。',
    ],
    /** From the 出生医学证明 record; refused when there is none (born before 1996 or outside the city). */
    rule: ({ records }) => {
      const birth = records.birth?.facts;
      if (!birth) return refuse('未查询到申请人的出生医学证明信息（1996年以前出生或出生地不在本市的，请向出生地卫生健康部门申请）');
      return issue({ birthDate: cnDate(birth.birthDate), place: birth.place, father: birth.fatherName, mother: birth.motherName, certificateNumber: birth.certificateNumber }, `出生于${cnDate(birth.birthDate)}`);
    },
  },
  {
    code: 'death',
    name: '死亡证明',
    description: '证明死亡人员的死亡时间、地点及户口注销情况（由亲属代为申请）',
    issuingLine: 'health',
    holderKinds: ['person'],
    resources: ['death', 'household_registration'],
    validityDays: 180,
    fields: [
      { key: 'diedOn', label: '死亡日期' },
      { key: 'place', label: '死亡地点' },
    ],
    template: [
      '兹证明{holderName}（公民身份号码：{holderCode}）于{diedOn}在{place}死亡，居民死亡医学证明编号为{certificateNumber}。',
      '{householdNote}',
      '特此证明。',
    ],
    /** From the death record; refused when none is on file. Says whether the household registration has been cancelled. */
    rule: ({ records }) => {
      const death = records.death?.facts;
      if (!death) return refuse('未查询到该人员的死亡医学证明信息，不能出具死亡证明');
      const cancelled = records.household_registration?.facts.status === 'cancelled';
      return issue(
        { diedOn: cnDate(death.diedOn), place: death.place, certificateNumber: death.certificateNumber, householdNote: cancelled ? '其户口已注销。' : '其户口注销手续尚未办理。' },
        `死亡日期：${cnDate(death.diedOn)}`,
      );
    },
  },
  {
    code: 'only_child',
    name: '独生子女证明',
    description: '证明申请人为独生子女父母（领取《独生子女父母光荣证》）',
    issuingLine: 'health',
    holderKinds: ['person'],
    resources: ['only_child'],
    validityDays: 180,
    fields: [
      { key: 'childName', label: '子女姓名' },
      { key: 'childBirthDate', label: '子女出生日期' },
      { key: 'certificateNumber', label: '光荣证编号' },
    ],
    template: [
      '兹证明{holderName}（公民身份号码：{holderCode}）系独生子女父母，独生子女{childName}于{childBirthDate}出生，已于{issuedOnCert}领取《独生子女父母光荣证》（编号{certificateNumber}）。',
      '特此证明。',
    ],
    /** Refused when no 独生子女父母光荣证 is on file. */
    rule: ({ records }) => {
      const oc = records.only_child?.facts;
      if (!oc) return refuse('未查询到申请人的《独生子女父母光荣证》登记信息');
      return issue({ childName: oc.childName, childBirthDate: cnDate(oc.childBirthDate), issuedOnCert: cnDate(oc.issuedOn), certificateNumber: oc.certificateNumber }, '独生子女父母');
    },
  },
];
