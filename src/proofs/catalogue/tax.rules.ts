import { cnDate, issue, refuse, yuan, type ProofTypeDefinition } from './proof-type.definition.js';

/** Tax proofs (纳税、无欠税), for persons and organisations. */
export const TAX_PROOFS: readonly ProofTypeDefinition[] = [
  {
    code: 'tax_payment',
    name: '纳税证明',
    description: '证明申请人近年度缴纳税款的情况',
    issuingLine: 'taxation',
    holderKinds: ['person', 'organization'],
    resources: ['tax'],
    validityDays: 30,
    fields: [{ key: 'total', label: '缴纳税款合计' }],
    template: [
      '兹证明{holderName}（{holderCodeLabel}：{holderCode}）{years}，合计{total}。',
      '本证明依据税务机关征管系统记录出具。',
      '特此证明。',
    ],
    /** Lists tax paid per year; refused when no payment is on file. */
    rule: ({ records }) => {
      const years = (records.tax?.facts.years ?? []).filter((y) => y.taxPaid > 0).sort((a, b) => b.year - a.year);
      if (years.length === 0) return refuse('未查询到申请人的纳税记录');
      const total = years.reduce((sum, y) => sum + y.taxPaid, 0);
      return issue(
        { years: years.map((y) => `${y.year}年度缴纳${y.kinds.join('、')}${yuan(y.taxPaid)}`).join('；'), total: yuan(total) },
        `${years.map((y) => y.year).join('、')}年度有纳税记录`,
      );
    },
  },
  {
    code: 'tax_clearance',
    name: '无欠税证明',
    description: '证明申请人截至开具之日无欠缴税款',
    issuingLine: 'taxation',
    holderKinds: ['person', 'organization'],
    resources: ['tax'],
    validityDays: 30,
    fields: [{ key: 'result', label: '查询结果' }],
    template: [
      '兹证明{holderName}（{holderCodeLabel}：{holderCode}），经查询税收征管信息，截至{checkedOn}，{result}。',
      '特此证明。',
    ],
    /** Refused for a subject unknown to the tax authority or with taxes overdue. */
    rule: ({ records, today }) => {
      const tax = records.tax?.facts;
      if (!tax) return refuse('未查询到申请人的税务登记或纳税信息');
      if (tax.arrears) return refuse('经查询，申请人存在欠缴税款，不能出具无欠税证明');
      return issue({ checkedOn: cnDate(today), result: '未发现其有欠税情形' }, '无欠税');
    },
  },
];
