import { cnDate, issue, refuse, yuan, type ProofTypeDefinition } from './proof-type.definition.js';

/** Social-assistance proofs (低保、特困、残疾、法律援助经济困难). */
export const ASSISTANCE_PROOFS: readonly ProofTypeDefinition[] = [
  {
    code: 'minimum_living',
    name: '低保证明',
    description: '证明申请人家庭为城乡最低生活保障对象',
    issuingLine: 'civil_affairs',
    holderKinds: ['person'],
    resources: ['minimum_living'],
    validityDays: 90,
    fields: [
      { key: 'since', label: '纳入保障日期' },
      { key: 'householdSize', label: '保障人口' },
      { key: 'monthly', label: '月保障金额' },
    ],
    template: [
      '兹证明{holderName}（公民身份号码：{holderCode}）家庭自{since}起被认定为最低生活保障对象，保障人口{householdSize}人，现按月领取最低生活保障金{monthly}。',
      '特此证明。',
    ],
    /** Refused unless the holder's household currently receives 最低生活保障. */
    rule: ({ records }) => {
      const a = records.minimum_living?.facts;
      if (a?.category !== 'minimum_living') return refuse('民政部门救助信息显示申请人不是最低生活保障对象');
      if (a.status !== 'receiving') return refuse('申请人的最低生活保障待遇已停止');
      return issue({ since: cnDate(a.since), householdSize: String(a.householdSize), monthly: yuan(a.monthlyAmount) }, '最低生活保障对象');
    },
  },
  {
    code: 'extreme_poverty',
    name: '特困人员证明',
    description: '证明申请人为特困人员救助供养对象',
    issuingLine: 'civil_affairs',
    holderKinds: ['person'],
    resources: ['minimum_living'],
    validityDays: 90,
    fields: [
      { key: 'since', label: '认定日期' },
      { key: 'monthly', label: '月基本生活标准' },
    ],
    template: [
      '兹证明{holderName}（公民身份号码：{holderCode}）自{since}起被认定为特困人员，纳入特困人员救助供养，现按月享受基本生活费{monthly}。',
      '特此证明。',
    ],
    /** Refused unless the holder is a currently supported 特困人员. */
    rule: ({ records }) => {
      const a = records.minimum_living?.facts;
      if (a?.category !== 'extreme_poverty' || a.status !== 'receiving') return refuse('民政部门救助信息显示申请人不是特困人员救助供养对象');
      return issue({ since: cnDate(a.since), monthly: yuan(a.monthlyAmount) }, '特困人员救助供养对象');
    },
  },
  {
    code: 'disability',
    name: '残疾证明',
    description: '证明申请人的残疾类别和等级（第二代残疾人证信息）',
    issuingLine: 'disabled_persons',
    holderKinds: ['person'],
    resources: ['disability'],
    validityDays: 180,
    fields: [
      { key: 'category', label: '残疾类别' },
      { key: 'grade', label: '残疾等级' },
      { key: 'certificateNumber', label: '残疾人证号' },
    ],
    template: [
      '兹证明{holderName}（公民身份号码：{holderCode}）系{category}{grade}，于{since}办理《中华人民共和国残疾人证》（证号{certificateNumber}）。',
      '特此证明。',
    ],
    /** Refused when no disability certificate is on file. */
    rule: ({ records }) => {
      const d = records.disability?.facts;
      if (!d) return refuse('未查询到申请人的残疾人证登记信息');
      return issue({ category: d.category, grade: d.grade, certificateNumber: d.certificateNumber, since: cnDate(d.since) }, `${d.category}${d.grade}`);
    },
  },
  {
    code: 'legal_aid_hardship',
    name: '法律援助经济困难证明',
    description: '证明申请人符合法律援助经济困难条件',
    issuingLine: 'justice',
    holderKinds: ['person'],
    resources: ['minimum_living', 'legal_aid'],
    validityDays: 90,
    fields: [{ key: 'basis', label: '认定依据' }],
    template: [
      '兹证明{holderName}（公民身份号码：{holderCode}）经核查，{basis}，符合法律援助经济困难条件。',
      '本证明依据《中华人民共和国法律援助法》第四十一条核查出具。',
      '特此证明。',
    ],
    /**
     * 法律援助法 art. 42: recipients of 低保 or 特困 support qualify without further check; otherwise
     * the household's per-capita income must not exceed the local standard. Refused above it or without data.
     */
    rule: ({ records }) => {
      const a = records.minimum_living?.facts;
      if (a?.status === 'receiving') {
        return issue({ basis: a.category === 'minimum_living' ? '申请人系最低生活保障对象' : '申请人系特困人员' }, '符合法律援助经济困难条件');
      }
      const l = records.legal_aid?.facts;
      if (!l) return refuse('未查询到申请人的家庭经济状况核查信息，请按规定作出经济困难状况说明或申请核查');
      if (l.monthlyIncomePerCapita > l.localStandard) return refuse(`申请人家庭人均月收入${yuan(l.monthlyIncomePerCapita)}，高于本地法律援助经济困难标准${yuan(l.localStandard)}`);
      return issue({ basis: `申请人家庭人均月收入${yuan(l.monthlyIncomePerCapita)}，不高于本地法律援助经济困难标准${yuan(l.localStandard)}（${cnDate(l.assessedOn)}核查）` }, '符合法律援助经济困难条件');
    },
  },
];
