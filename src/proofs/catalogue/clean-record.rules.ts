import { cnDate, issue, refuse, yearsBefore, type ProofTypeDefinition } from './proof-type.definition.js';

/** Clean-record proofs (无犯罪记录、无违法违规): refused as soon as the record has an entry. */
export const CLEAN_RECORD_PROOFS: readonly ProofTypeDefinition[] = [
  {
    code: 'no_criminal_record',
    name: '无犯罪记录证明',
    description: '证明申请人在开具之日前无犯罪记录',
    issuingLine: 'public_security',
    holderKinds: ['person'],
    resources: ['criminal_record', 'household_registration', 'residence_registration'],
    validityDays: 90,
    fields: [{ key: 'result', label: '查询结果' }],
    template: [
      '兹证明{holderName}（公民身份号码：{holderCode}），经查询公安机关违法犯罪记录信息，截至{checkedOn}，{result}。',
      '本证明只证明申请人在上述日期前有无犯罪记录，不证明其他事项。',
      '特此证明。',
    ],
    /**
     * 公安机关办理犯罪记录查询工作规定 (2021): issued by the police of the household or residence
     * registration — refused without either here; refused when a conviction is on file. A checked
     * register without an entry, or no entry at all, states 未发现有犯罪记录.
     */
    rule: ({ records, today }) => {
      const household = records.household_registration?.facts;
      if (household?.status !== 'active' && !records.residence_registration) return refuse('申请人户籍和居住地均不在本市，请向户籍地或居住地公安机关申请');
      const entries = records.criminal_record?.facts.entries ?? [];
      if (entries.length > 0) return refuse('经查询，申请人有犯罪记录，不能出具无犯罪记录证明');
      return issue({ checkedOn: cnDate(today), result: '未发现其有犯罪记录' }, '未发现有犯罪记录');
    },
  },
  {
    code: 'enterprise_credit',
    name: '企业信用信息证明（无违法违规证明）',
    description: '以信用信息代替各部门的无违法违规证明：近三年无行政处罚，未列入经营异常名录和严重违法失信名单',
    issuingLine: 'development_reform',
    holderKinds: ['organization'],
    resources: ['credit', 'market_entity'],
    validityDays: 90,
    fields: [
      { key: 'period', label: '查询期间' },
      { key: 'result', label: '查询结果' },
    ],
    template: [
      '兹证明{holderName}（统一社会信用代码：{holderCode}）在{period}期间，经查询公共信用信息，{result}。',
      '本证明依据信用信息共享平台归集的行政处罚、经营异常名录和严重违法失信名单信息出具，可代替各行业主管部门出具的无违法违规证明。',
      '特此证明。',
    ],
    /** Refused without a registration, when on the 严重违法失信 or 经营异常 list, or with an administrative penalty in the last three years. */
    rule: ({ records, today }) => {
      if (!records.market_entity) return refuse('未查询到该主体的市场主体登记信息');
      const credit = records.credit?.facts;
      if (credit?.seriousIllegal) return refuse('该主体被列入严重违法失信名单，不能出具无违法违规证明');
      if (credit?.abnormalOperation) return refuse('该主体被列入经营异常名录，不能出具无违法违规证明');
      const from = yearsBefore(today, 3);
      const recent = (credit?.penalties ?? []).filter((p) => p.decidedOn >= from).sort((a, b) => b.decidedOn.localeCompare(a.decidedOn));
      const latest = recent[0];
      if (latest) return refuse(`该主体近三年内有${recent.length}条行政处罚记录（最近一条：${cnDate(latest.decidedOn)}，${latest.authority}，${latest.matter}），不能出具无违法违规证明`);
      return issue({ period: `${cnDate(from)}至${cnDate(today)}`, result: '无行政处罚记录，未被列入经营异常名录和严重违法失信名单' }, '近三年无违法违规记录');
    },
  },
];
