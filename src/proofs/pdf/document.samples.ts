import type { PrintableDocument } from './printable-document.js';

/** A 居住证明 as the 公安 branch in 赫山区 would issue it; for tests, the benchmark and the sample PDF. */
export function sampleResidenceProof(overrides: Partial<PrintableDocument> = {}): PrintableDocument {
  return {
    title: '居住证明',
    number: '益公赫居证〔2025〕第000123号',
    verificationCode: 'ABCD2345',
    holder: [
      { label: '姓名', value: '张晓梅' },
      { label: '性别', value: '女' },
      { label: '公民身份号码', value: '4309**********1234' },
      { label: '户籍地址', value: '湖南省益阳市桃江县桃花江镇桃花江社区' },
      { label: '现居住地址', value: '湖南省益阳市赫山区会龙山街道梓山湖社区紫竹路18号3栋2单元501室' },
      { label: '居住起始日期', value: '2019年3月1日' },
    ],
    paragraphs: [
      '兹证明张晓梅（公民身份号码4309**********1234）自2019年3月1日起至今居住于湖南省益阳市赫山区会龙山街道梓山湖社区紫竹路18号3栋2单元501室，居住情况属实。',
      '本证明依据益阳市公安局人口信息系统登记的居住登记信息出具，仅用于证明持证人在上述地址的居住事实，不作为其他用途的依据。',
      '特此证明。',
    ],
    issuer: '益阳市公安局赫山分局',
    issuedOn: '2025-05-22',
    validUntil: '2025-08-22',
    verificationUrl: 'http://localhost:3000/v/ABCD2345',
    sealText: '益阳市公安局赫山分局',
    sealLabel: '证明专用章',
    ...overrides,
  };
}

/** A 食品经营许可证 with a validity period and no body text: the licence shape. */
export function sampleFoodLicense(overrides: Partial<PrintableDocument> = {}): PrintableDocument {
  return {
    title: '食品经营许可证',
    number: 'JY14309020012345',
    verificationCode: 'K7M3Q9TX',
    holder: [
      { label: '经营者名称', value: '益阳市赫山区示例食品有限公司' },
      { label: '统一社会信用代码', value: '91430903MA4L123456' },
      { label: '法定代表人（负责人）', value: '李建国' },
      { label: '住所', value: '湖南省益阳市赫山区龙岭工业园迎宾东路8号' },
      { label: '经营场所', value: '湖南省益阳市赫山区龙岭工业园迎宾东路8号1楼101、102室' },
      { label: '主体业态', value: '食品销售经营者（商场超市）' },
      { label: '经营项目', value: '预包装食品（含冷藏冷冻食品）销售；散装食品（含冷藏冷冻食品、熟食）销售；保健食品销售；特殊医学用途配方食品销售；婴幼儿配方乳粉销售' },
      { label: '日常监督管理机构', value: '益阳市赫山区市场监督管理局龙岭所' },
      { label: '投诉举报电话', value: '12315' },
    ],
    paragraphs: [],
    issuer: '益阳市赫山区市场监督管理局',
    issuedOn: '2025-05-22',
    validFrom: '2025-05-22',
    validUntil: '2030-05-21',
    verificationUrl: 'http://localhost:3000/v/K7M3Q9TX',
    sealText: '益阳市赫山区市场监督管理局',
    ...overrides,
  };
}
