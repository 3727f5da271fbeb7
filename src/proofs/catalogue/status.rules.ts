import { cnDate, issue, refuse, type ProofTypeDefinition } from './proof-type.definition.js';

/** Status proofs (退役军人、学籍、兵役登记): a person's standing with one register. */
export const STATUS_PROOFS: readonly ProofTypeDefinition[] = [
  {
    code: 'veteran_status',
    name: '退役军人身份证明',
    description: '证明申请人的退役军人身份及服役经历',
    issuingLine: 'veterans_affairs',
    holderKinds: ['person'],
    resources: ['veteran'],
    validityDays: 180,
    fields: [
      { key: 'branch', label: '服役部队' },
      { key: 'service', label: '服役时间' },
      { key: 'category', label: '退役类别' },
    ],
    template: [
      '兹证明{holderName}（公民身份号码：{holderCode}）于{enlistedOn}入伍，在{branch}服役，于{dischargedOn}退出现役，系{category}，已在退役军人事务部门登记。',
      '特此证明。',
    ],
    /** Refused when the holder is not registered as a veteran. */
    rule: ({ records }) => {
      const v = records.veteran?.facts;
      if (!v) return refuse('未查询到申请人的退役军人登记信息');
      return issue(
        { branch: v.branch, enlistedOn: cnDate(v.enlistedOn), dischargedOn: cnDate(v.dischargedOn), service: `${cnDate(v.enlistedOn)}至${cnDate(v.dischargedOn)}`, category: v.category },
        `${v.category}`,
      );
    },
  },
  {
    code: 'student_status',
    name: '学籍证明',
    description: '证明申请人在读学校、年级和学籍状态',
    issuingLine: 'education',
    holderKinds: ['person'],
    resources: ['student_status'],
    validityDays: 90,
    fields: [
      { key: 'school', label: '就读学校' },
      { key: 'grade', label: '年级' },
      { key: 'status', label: '学籍状态' },
    ],
    template: [
      '兹证明{holderName}（公民身份号码：{holderCode}）于{enrolledOn}入学，现为{school}{stage}{grade}学生，全国学籍号{studentNumber}，学籍状态为{status}。',
      '特此证明。',
    ],
    /** States the current 学籍; refused without one, or when the student has graduated (a 学历证明 is the proof then). */
    rule: ({ records }) => {
      const s = records.student_status?.facts;
      if (!s) return refuse('未查询到申请人的学籍信息');
      if (s.status === 'graduated') return refuse(`申请人已从${s.school}毕业，学籍已注销，请申请学历证明`);
      const status = s.status === 'enrolled' ? '在读' : '休学';
      return issue({ school: s.school, stage: s.stage, grade: s.grade, enrolledOn: cnDate(s.enrolledOn), studentNumber: s.studentNumber, status }, `${s.stage}${status}`);
    },
  },
  {
    code: 'military_service_registration',
    name: '兵役登记证明',
    description: '证明申请人已依法进行兵役登记',
    issuingLine: 'military_service',
    holderKinds: ['person'],
    resources: ['military_service'],
    validityDays: 180,
    fields: [
      { key: 'year', label: '登记年度' },
      { key: 'category', label: '登记类别' },
    ],
    template: [
      '兹证明{holderName}（公民身份号码：{holderCode}）已依照《中华人民共和国兵役法》于{registeredOn}进行{year}年度兵役登记，登记类别为{category}。',
      '特此证明。',
    ],
    /** Refused when no 兵役登记 is on file. */
    rule: ({ records }) => {
      const m = records.military_service?.facts;
      if (!m) return refuse('未查询到申请人的兵役登记信息');
      return issue({ registeredOn: cnDate(m.registeredOn), year: String(m.year), category: m.category }, `已进行${m.year}年度兵役登记`);
    },
  },
];
