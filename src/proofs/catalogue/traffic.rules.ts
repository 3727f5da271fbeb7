import { cnDate, issue, refuse, yearsBefore, yearsBetween, type ProofTypeDefinition } from './proof-type.definition.js';

/** Responsibilities that count against a driver (道路交通事故处理程序规定: 全部、主要、同等). */
const AT_FAULT = new Set(['full', 'main', 'equal']);

/** Vehicle and driver proofs (车辆登记、安全驾驶), from the traffic police (公安交管). */
export const TRAFFIC_PROOFS: readonly ProofTypeDefinition[] = [
  {
    code: 'vehicle_registration',
    name: '车辆登记信息证明',
    description: '证明申请人名下登记的机动车',
    issuingLine: 'public_security',
    holderKinds: ['person', 'organization'],
    resources: ['vehicle'],
    validityDays: 90,
    fields: [{ key: 'count', label: '机动车数量' }],
    template: [
      '兹证明{holderName}（{holderCodeLabel}：{holderCode}）名下登记有下列机动车：{list}。',
      '特此证明。',
    ],
    /** Lists the registered vehicles; refused when there is none. */
    rule: ({ records }) => {
      const vehicles = records.vehicle?.facts.vehicles ?? [];
      if (vehicles.length === 0) return refuse('未查询到申请人名下登记的机动车');
      const list = vehicles.map((v) => `${v.plate}（${v.model}，${cnDate(v.registeredOn)}登记，状态${v.status}）`).join('、');
      return issue({ list, count: `${vehicles.length}辆` }, `名下登记机动车${vehicles.length}辆`);
    },
  },
  {
    code: 'safe_driving',
    name: '驾驶人安全驾驶证明',
    description: '证明驾驶人近三年无负同等以上责任的道路交通事故',
    issuingLine: 'public_security',
    holderKinds: ['person'],
    resources: ['driver'],
    validityDays: 90,
    fields: [
      { key: 'licenseClass', label: '准驾车型' },
      { key: 'drivingYears', label: '驾龄' },
      { key: 'points', label: '本周期记分' },
    ],
    template: [
      '兹证明{holderName}（公民身份号码：{holderCode}）持有准驾车型为{licenseClass}的机动车驾驶证，初次领证日期为{firstIssuedOn}，驾龄{drivingYears}。',
      '经查询，{period}期间，该驾驶人无负同等以上责任的道路交通事故记录，本记分周期累积记分{points}。',
      '特此证明。',
    ],
    /** Refused without a licence, with a suspended or revoked licence, or with an at-fault accident in the last three years. */
    rule: ({ records, today }) => {
      const d = records.driver?.facts;
      if (!d) return refuse('未查询到申请人的机动车驾驶证信息');
      if (d.status !== 'normal') return refuse(`申请人的机动车驾驶证处于${d.status === 'suspended' ? '暂扣' : '吊销'}状态，不能出具安全驾驶证明`);
      const from = yearsBefore(today, 3);
      const atFault = d.accidents.filter((a) => a.on >= from && AT_FAULT.has(a.responsibility));
      if (atFault.length > 0) return refuse(`申请人近三年内有${atFault.length}起负同等以上责任的道路交通事故记录，不能出具安全驾驶证明`);
      return issue(
        { licenseClass: d.licenseClass, firstIssuedOn: cnDate(d.firstIssuedOn), drivingYears: `${yearsBetween(d.firstIssuedOn, today)}年`, period: `${cnDate(from)}至${cnDate(today)}`, points: `${d.points}分` },
        '近三年无负同等以上责任的交通事故',
      );
    },
  },
];
