/**
 * Word lists for plausible (fictitious) people, companies and institutions. Institution
 * names follow real naming patterns but are composed, not copied from registries.
 */
import type { Rng } from './prng.js';

const SURNAMES = [
  '王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '高', '林', '罗',
  '郑', '梁', '谢', '宋', '唐', '许', '韩', '冯', '邓', '曹', '彭', '曾', '肖', '田', '董', '袁', '潘', '于', '蒋', '蔡',
  '余', '杜', '叶', '程', '苏', '魏', '吕', '丁', '任', '沈', '姚', '卢', '姜', '崔', '钟', '谭', '陆', '汪', '范', '金',
  '石', '廖', '贾', '夏', '韦', '付', '方', '白', '邹', '孟', '熊', '秦', '邱', '江', '尹', '薛', '闫', '段', '雷', '侯',
  '龙', '史', '陶', '黎', '贺', '顾', '毛', '郝', '龚', '邵', '万', '钱', '严', '覃', '武', '戴', '莫', '孔', '向', '常',
];

const GIVEN = [
  '伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀英', '霞', '平',
  '刚', '桂英', '建国', '建华', '志强', '志明', '海燕', '晓东', '文博', '子涵', '国庆', '玉兰', '红梅', '宏伟', '立新', '春花',
  '永刚', '德明', '俊', '斌', '浩', '鹏', '婷', '雪', '慧', '颖', '琳', '晶', '宁', '欣', '辉', '波', '亮', '峰', '凯', '鑫',
  '思远', '佳怡', '学军', '长青', '振华', '兴旺', '光明', '秀兰', '金花', '凤英', '海涛', '卫东', '小红', '丹', '蕾', '莉',
  '继红', '亚楠', '建新', '志刚', '晓燕', '文静', '海军', '荣', '玲', '瑞', '祥', '军红', '永红', '少华', '国华', '俊杰',
];

/** Names from the Hui, Uyghur and other communities appear in Ningxia and Xinjiang paperwork. */
const XINJIANG_NAMES = ['艾力·买买提', '阿依古丽·吐尔逊', '买买提江·艾合买提', '古丽娜尔·热合曼', '努尔兰·哈力木'];

export function personName(rng: Rng, province?: ProvinceKey): string {
  if (province === 'xj' && rng.chance(0.15)) return rng.pick(XINJIANG_NAMES);
  return rng.pick(SURNAMES) + rng.pick(GIVEN);
}

/** `n` distinct names. */
export function distinctNames(rng: Rng, n: number, province?: ProvinceKey, avoid: readonly string[] = []): string[] {
  const out = new Set<string>();
  let guard = 0;
  while (out.size < n && guard++ < 1000) {
    const name = personName(rng, province);
    if (!avoid.includes(name)) out.add(name);
  }
  return [...out];
}

export type ProvinceKey = 'nx' | 'yn' | 'cq' | 'sx' | 'xj' | 'gz' | 'gs';

export interface Province {
  key: ProvinceKey;
  /** How the name is written at the start of an institution name. */
  prefix: string;
  /** Short form used in document numbers (宁, 云, 渝, 晋, 新). */
  short: string;
  /** Pinyin initials used in project ids (NX, YN, CQ, SX, XJ). */
  code: string;
  cities: readonly string[];
  capital: string;
}

export const PROVINCES: readonly Province[] = [
  { key: 'nx', prefix: '宁夏', short: '宁', code: 'NX', capital: '银川市', cities: ['银川市', '吴忠市', '石嘴山市', '固原市', '中卫市', '灵武市'] },
  { key: 'yn', prefix: '云南省', short: '云', code: 'YN', capital: '昆明市', cities: ['昆明市', '曲靖市', '玉溪市', '大理州', '红河州', '普洱市', '楚雄州'] },
  { key: 'cq', prefix: '重庆市', short: '渝', code: 'CQ', capital: '渝中区', cities: ['万州区', '涪陵区', '渝北区', '江津区', '永川区', '黔江区', '綦江区'] },
  { key: 'sx', prefix: '山西', short: '晋', code: 'SX', capital: '太原市', cities: ['太原市', '大同市', '长治市', '晋中市', '运城市', '临汾市', '吕梁市'] },
  { key: 'xj', prefix: '新疆', short: '新', code: 'XJ', capital: '乌鲁木齐市', cities: ['乌鲁木齐市', '昌吉州', '伊犁州', '喀什地区', '哈密市', '阿克苏地区'] },
  { key: 'gz', prefix: '贵州省', short: '黔', code: 'GZ', capital: '贵阳市', cities: ['贵阳市', '遵义市', '六盘水市', '安顺市', '毕节市'] },
  { key: 'gs', prefix: '甘肃省', short: '甘', code: 'GS', capital: '兰州市', cities: ['兰州市', '天水市', '白银市', '张掖市', '酒泉市'] },
];

const BRANDS = ['信合', '中盛', '兴农', '惠民', '鑫源', '普惠', '汇通', '正信', '安泰', '金诚', '融通', '睿信', '盛和', '诚泰', '丰源', '同心'];
const INSTITUTION_SUFFIXES = [
  '融资担保有限公司',
  '融资担保有限责任公司',
  '融资担保集团有限公司',
  '农业融资担保有限公司',
  '中小企业融资担保有限公司',
];

export interface Institution {
  name: string;
  /** Short name used in document numbers: 信合担保. */
  shortName: string;
  province: Province;
  city: string;
  /** Letters of the project-id prefix: YNDB, CQXH… */
  idPrefix: string;
}

export function institution(rng: Rng, province: Province = rng.pick(PROVINCES)): Institution {
  const city = rng.pick(province.cities);
  const shape = rng.int(0, 3);
  const suffix = rng.pick(INSTITUTION_SUFFIXES);
  let name: string;
  let shortName: string;
  if (shape === 0) {
    // Provincial government-backed institution: 云南省农业融资担保有限公司.
    name = province.prefix + suffix;
    shortName = `${province.short}担保`;
  } else if (shape === 1) {
    // City-level: 宁夏吴忠市中小企业融资担保有限公司.
    name = (province.key === 'cq' ? '重庆市' : province.prefix) + city + suffix;
    shortName = `${city.replace(/[市州区]|地区$/g, '')}担保`;
  } else {
    const brand = rng.pick(BRANDS);
    name = (province.key === 'cq' ? '重庆' : province.prefix.replace(/省$/, '')) + brand + suffix;
    shortName = `${brand}担保`;
  }
  const idPrefix = province.code + (shape === 0 ? 'DB' : rng.pick(['DB', 'RD', 'ZX']));
  return { name, shortName, province, city, idPrefix };
}

const COMPANY_WORDS = ['绿源', '丰泰', '宏达', '恒信', '金穗', '华晟', '瑞丰', '天成', '众鑫', '新禾', '博远', '嘉禾', '润泽', '永盛', '晨光', '兴隆', '富民', '鸿运'];
const INDUSTRIES = [
  '农业科技', '商贸', '食品', '建材', '牧业', '物流', '农产品加工', '生物科技', '电子科技', '餐饮管理', '枸杞种植', '茶业', '果业', '新材料', '机械制造', '服装',
];

/** A small or micro borrower: usually a company, sometimes a sole proprietor or a farming cooperative. */
export function debtorName(rng: Rng, inst: Institution): string {
  const kind = rng.weighted([
    ['company', 7],
    ['coop', 2],
    ['person', 1],
  ] as const);
  const city = rng.chance(0.6) ? inst.city : rng.pick(inst.province.cities);
  const place = city.replace(/市$/, '');
  const word = rng.pick(COMPANY_WORDS);
  if (kind === 'coop') return `${place}${word}${rng.pick(['种植', '养殖', '农机', '果蔬'])}专业合作社`;
  if (kind === 'person') return `${personName(rng, inst.province.key)}（个体工商户）`;
  return `${place}${word}${rng.pick(INDUSTRIES)}有限${rng.chance(0.8) ? '' : '责任'}公司`;
}

const BANKS = [
  (c: string) => `中国农业银行股份有限公司${c}分行`,
  (c: string) => `中国建设银行股份有限公司${c}支行`,
  (c: string) => `中国邮政储蓄银行股份有限公司${c}分行`,
  (c: string) => `中国工商银行股份有限公司${c}支行`,
  (c: string) => `${c}农村商业银行股份有限公司`,
  (c: string) => `${c}农村信用合作联社`,
  (c: string) => `${c}村镇银行有限责任公司`,
];

export function lendingBank(rng: Rng, inst: Institution): string {
  const place = inst.city.replace(/市$|州$|地区$/, '');
  return rng.pick(BANKS)(place);
}

export const MEETING_ROOMS = ['公司三楼会议室', '公司五楼第一会议室', '本部二楼会议室', '公司会议室', '公司十二楼大会议室', '视频会议室（线上线下结合）'];

export const POSITIONS = ['业务一部客户经理（A角）', '业务二部客户经理（B角）', '风险管理部经理', '业务部副经理', '项目经理', '风控专员', '业务部经理', '保后管理岗'];

export const LEADER_TITLES = ['董事长', '总经理', '副总经理', '风控总监', '党支部书记、董事长'];

export const LOAN_PURPOSES = ['流动资金贷款', '生产经营周转贷款', '设备购置贷款', '“惠农担”流动资金贷款', '创业担保贷款'];

/** A fictitious regional accounting firm: 宁夏正衡会计师事务所（普通合伙）. */
export function auditFirm(rng: Rng, inst: Institution): string {
  const brand = rng.pick(['正衡', '中信达', '华诚', '明德', '恒正', '致远', '公信', '瑞德']);
  return `${inst.province.prefix.replace(/省$|市$/, '')}${brand}会计师事务所（${rng.pick(['普通合伙', '特殊普通合伙', '有限责任公司'])}）`;
}
