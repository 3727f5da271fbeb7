import { cnDate, issue, refuse, type ProofTypeDefinition } from './proof-type.definition.js';

const ENTITY = { company: '企业', individual: '个体工商户', cooperative: '农民专业合作社' } as const;
const ENTITY_STATUS = { operating: '存续（在营、开业、在册）', cancelled: '注销', revoked: '吊销营业执照' } as const;

/** Market-entity proofs (市场主体登记、个体工商户经营), from the market-regulation register. */
export const ENTERPRISE_PROOFS: readonly ProofTypeDefinition[] = [
  {
    code: 'market_entity_registration',
    name: '市场主体登记证明',
    description: '证明市场主体的登记事项和登记状态',
    issuingLine: 'market_regulation',
    holderKinds: ['organization'],
    resources: ['market_entity'],
    validityDays: 90,
    fields: [
      { key: 'entityType', label: '主体类型' },
      { key: 'registeredOn', label: '成立日期' },
      { key: 'address', label: '住所（经营场所）' },
      { key: 'status', label: '登记状态' },
    ],
    template: [
      '兹证明{holderName}（统一社会信用代码：{holderCode}）系于{registeredOn}在{authority}登记的{entityType}，住所（经营场所）为{address}，{capital}经营范围为：{scope}。',
      '截至{checkedOn}，该主体的登记状态为{status}。',
      '特此证明。',
    ],
    /** States the registration and its status (a cancelled entity gets a proof of its cancellation); refused without a registration. */
    rule: ({ records, today }) => {
      const m = records.market_entity?.facts;
      if (!m) return refuse('未查询到该主体的市场主体登记信息');
      return issue(
        { entityType: ENTITY[m.entityType], registeredOn: cnDate(m.registeredOn), authority: m.authority, address: m.address, capital: m.registeredCapital ? `注册资本${m.registeredCapital}，` : '', scope: m.scope, checkedOn: cnDate(today), status: ENTITY_STATUS[m.status] },
        `登记状态：${ENTITY_STATUS[m.status]}`,
      );
    },
  },
  {
    code: 'individual_business',
    name: '个体工商户经营证明',
    description: '证明个体工商户正在经营及其经营者、经营场所和经营范围',
    issuingLine: 'market_regulation',
    holderKinds: ['organization'],
    resources: ['market_entity'],
    validityDays: 90,
    fields: [
      { key: 'operator', label: '经营者' },
      { key: 'address', label: '经营场所' },
      { key: 'registeredOn', label: '注册日期' },
    ],
    template: [
      '兹证明{holderName}（统一社会信用代码：{holderCode}）系经营者{operator}于{registeredOn}登记设立的个体工商户，经营场所为{address}，经营范围为：{scope}。截至{checkedOn}，该个体工商户正常经营。',
      '特此证明。',
    ],
    /** Refused unless the holder is an individual business (个体工商户) that is still operating. */
    rule: ({ records, holder, today }) => {
      const m = records.market_entity?.facts;
      if (!m) return refuse('未查询到该主体的市场主体登记信息');
      if (m.entityType !== 'individual') return refuse(`该主体为${ENTITY[m.entityType]}，不是个体工商户，可申请市场主体登记证明`);
      if (m.status !== 'operating') return refuse(`该个体工商户的登记状态为${ENTITY_STATUS[m.status]}，不能出具经营证明`);
      return issue({ operator: holder.legalRepresentative ?? '—', registeredOn: cnDate(m.registeredOn), address: m.address, scope: m.scope, checkedOn: cnDate(today) }, '个体工商户正常经营');
    },
  },
];
