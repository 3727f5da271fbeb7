import { cnDate, issue, monthsText, refuse, yuan, type ProofTypeDefinition } from './proof-type.definition.js';

const EMPLOYMENT = { employed: '就业', self_employed: '灵活就业', unemployed: '失业' } as const;

/** Social-security and employment proofs (社保、医保、公积金、就业、失业、养老). */
export const SOCIAL_SECURITY_PROOFS: readonly ProofTypeDefinition[] = [
  {
    code: 'social_insurance',
    name: '社会保险参保缴费证明',
    description: '证明申请人的社会保险参保险种、参保单位和累计缴费月数',
    issuingLine: 'human_resources_social_security',
    holderKinds: ['person'],
    resources: ['social_insurance'],
    validityDays: 30,
    fields: [
      { key: 'schemes', label: '参保险种' },
      { key: 'employer', label: '参保单位' },
      { key: 'paid', label: '累计缴费' },
      { key: 'status', label: '参保状态' },
    ],
    template: [
      '兹证明{holderName}（公民身份号码：{holderCode}）自{since}起在{employer}参加{schemes}，截至{checkedOn}累计缴费{paid}，参保状态为{status}，{arrears}。',
      '本证明依据社会保险经办机构业务系统记录出具。',
      '特此证明。',
    ],
    /** Refused when the holder has never been insured here; a suspended insurance is stated as such. */
    rule: ({ records, today }) => {
      const si = records.social_insurance?.facts;
      if (!si) return refuse('未查询到申请人在本市的社会保险参保信息');
      return issue(
        { schemes: si.schemes.join('、'), employer: si.employer, since: cnDate(si.since), paid: monthsText(si.paidMonths), status: si.status === 'active' ? '正常参保' : '暂停缴费', arrears: si.arrears ? '存在欠费' : '无欠费记录', checkedOn: cnDate(today) },
        `累计缴费${monthsText(si.paidMonths)}`,
      );
    },
  },
  {
    code: 'medical_insurance',
    name: '医保参保证明',
    description: '证明申请人正在参加基本医疗保险',
    issuingLine: 'healthcare_security',
    holderKinds: ['person'],
    resources: ['medical_insurance'],
    validityDays: 90,
    fields: [
      { key: 'scheme', label: '参保险种' },
      { key: 'since', label: '参保起始日期' },
    ],
    template: [
      '兹证明{holderName}（公民身份号码：{holderCode}）自{since}起参加{scheme}，截至{checkedOn}参保状态正常。',
      '特此证明。',
    ],
    /** Refused when not insured here or the insurance is suspended. */
    rule: ({ records, today }) => {
      const mi = records.medical_insurance?.facts;
      if (!mi) return refuse('未查询到申请人在本市的基本医疗保险参保信息');
      if (mi.status !== 'active') return refuse('申请人的基本医疗保险处于暂停参保状态，不能出具参保证明');
      const scheme = mi.scheme === 'employee' ? '职工基本医疗保险' : '城乡居民基本医疗保险';
      return issue({ scheme, since: cnDate(mi.since), checkedOn: cnDate(today) }, `参加${scheme}`);
    },
  },
  {
    code: 'housing_fund',
    name: '住房公积金缴存证明',
    description: '证明申请人的住房公积金缴存单位、月缴存额和缴存状态',
    issuingLine: 'housing_provident_fund',
    holderKinds: ['person'],
    resources: ['housing_fund'],
    validityDays: 30,
    fields: [
      { key: 'employer', label: '缴存单位' },
      { key: 'monthly', label: '月缴存额' },
      { key: 'status', label: '账户状态' },
    ],
    template: [
      '兹证明{holderName}（公民身份号码：{holderCode}）自{since}起由{employer}为其缴存住房公积金，月缴存额{monthly}，累计缴存{paid}，账户状态为{status}。',
      '特此证明。',
    ],
    /** Refused without an account or when the account is closed (销户). */
    rule: ({ records }) => {
      const fund = records.housing_fund?.facts;
      if (!fund) return refuse('未查询到申请人的住房公积金账户');
      if (fund.status === 'closed') return refuse('申请人的住房公积金账户已销户');
      return issue(
        { employer: fund.employer, since: cnDate(fund.since), monthly: yuan(fund.monthlyDeposit), paid: monthsText(fund.paidMonths), status: fund.status === 'active' ? '正常缴存' : '封存' },
        fund.status === 'active' ? '住房公积金正常缴存' : '住房公积金账户封存',
      );
    },
  },
  {
    code: 'unemployment_registration',
    name: '失业登记证明',
    description: '证明申请人已办理失业登记且仍处于失业状态',
    issuingLine: 'human_resources_social_security',
    holderKinds: ['person'],
    resources: ['unemployment'],
    validityDays: 30,
    fields: [{ key: 'registeredOn', label: '失业登记日期' }],
    template: [
      '兹证明{holderName}（公民身份号码：{holderCode}）于{registeredOn}在{office}办理失业登记，截至{checkedOn}仍处于失业登记状态。',
      '特此证明。',
    ],
    /** Refused without a registration or when it has ended (再就业 or cancelled). */
    rule: ({ records, today }) => {
      const u = records.unemployment?.facts;
      if (!u) return refuse('未查询到申请人的失业登记信息');
      if (u.status !== 'registered') return refuse('申请人的失业登记已终止（已就业或已注销），不能出具失业登记证明');
      return issue({ registeredOn: cnDate(u.registeredOn), office: u.office, checkedOn: cnDate(today) }, '处于失业登记状态');
    },
  },
  {
    code: 'employment',
    name: '就业创业证明',
    description: '证明申请人的就业或灵活就业、创业状态（《就业创业证》信息）',
    issuingLine: 'human_resources_social_security',
    holderKinds: ['person'],
    resources: ['employment'],
    validityDays: 90,
    fields: [
      { key: 'status', label: '就业状态' },
      { key: 'employer', label: '就业单位' },
      { key: 'certificateNumber', label: '就业创业证编号' },
    ],
    template: [
      '兹证明{holderName}（公民身份号码：{holderCode}）自{since}起{statusText}，《就业创业证》编号为{certificateNumber}。',
      '特此证明。',
    ],
    /** Refused without an employment registration or when the registration says unemployed. */
    rule: ({ records }) => {
      const e = records.employment?.facts;
      if (!e) return refuse('未查询到申请人的就业登记信息');
      if (e.status === 'unemployed') return refuse('就业登记信息显示申请人处于失业状态，可申请失业登记证明');
      const statusText = e.status === 'employed' ? `在${e.employer}就业` : '以灵活就业方式就业';
      return issue({ status: EMPLOYMENT[e.status], employer: e.employer, since: cnDate(e.since), statusText, certificateNumber: e.certificateNumber }, `就业状态：${EMPLOYMENT[e.status]}`);
    },
  },
  {
    code: 'pension_receipt',
    name: '养老保险待遇领取证明',
    description: '证明申请人正在领取基本养老保险待遇',
    issuingLine: 'human_resources_social_security',
    holderKinds: ['person'],
    resources: ['pension'],
    validityDays: 90,
    fields: [
      { key: 'scheme', label: '养老保险类别' },
      { key: 'since', label: '待遇领取起始' },
      { key: 'monthly', label: '月领取金额' },
    ],
    template: [
      '兹证明{holderName}（公民身份号码：{holderCode}）自{since}起按月领取{scheme}待遇，现月领取金额为{monthly}，截至{checkedOn}待遇领取状态正常。',
      '特此证明。',
    ],
    /** Refused when the holder receives no pension (never, or stopped). */
    rule: ({ records, today }) => {
      const p = records.pension?.facts;
      if (!p?.receiving) return refuse('未查询到申请人正在领取养老保险待遇的记录');
      return issue({ scheme: p.scheme, since: cnDate(p.since), monthly: yuan(p.monthlyAmount), checkedOn: cnDate(today) }, `正在领取${p.scheme}待遇`);
    },
  },
];
