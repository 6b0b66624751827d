/**
 * Personal names in Chinese paperwork: 2-3 Han characters led by a surname (4 with a compound
 * surname), or names of Uyghur, Kazakh, Hui and other communities written with a middle dot
 * (古丽娜尔·热合曼). Titles written before or after a name (总经理李亮, 评审委员江洋,
 * 王建国（总经理）) are told apart from it.
 */
import type { Field } from '../domain/fields.js';
import type { TextLine } from './lines.js';
import { BACKED, checkedElsewhere, readingsElsewhere, type Variants } from './readings-elsewhere.js';

const SURNAMES = new Set(
  Array.from(
    '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向常汤康易乔赖文施洪辛柯庄牛单殷纪符聂温柴祁耿鲁葛申翟关欧兰焦岳齐俞宁邢鲍章樊左季梅车包蓝艾褚喻卜伍饶阮鄂舒凌丛苗詹甘仇池邬栾滕蒙裴伏谷米厉农云苟边卫井芦屈路巩靳涂闵全班仲解虞时晏习茅郁桂麦连佟应宗房冉佘花霍奚成盛丰刁封霍沙缪隋卓明蔺湛权鞠师索景冀臧郎宫穆牟晋弓阳母尚查储计浦费危帅谈钮祝蒲都平琚席旷昝訾司党荣宿和么鲜相迟古幸候商储訚宦鲜揭瞿娄',
  ),
);
/**
 * Characters common in given names. A name read with another character in its place (郭符,
 * 莫佳总, 万荤) is likelier a misreading than a name, when the document writes the same name
 * elsewhere with a common one (郭磊, 莫佳怡, 万蕾). Left out: characters of amounts and dates
 * (元, 万, 亿, 千, 玖), whose neighbours would read as names.
 */
const GIVEN_NAME_CHARS = new Set(
  Array.from(
    '安昂傲奥白柏班邦宝保葆报抱豹贝北备倍蓓本彬斌滨冰兵炳秉波博勃泊才材财彩灿苍沧草策岑曾昌长常畅超朝潮辰晨成诚承城程澄驰持崇初楚川传春纯淳慈聪丛翠达大代丹单旦淡澹道德登迪笛棣典殿蝶丁鼎定东冬栋都笃端敦多朵娥恩尔发帆凡方芳放飞菲斐芬丰风峰锋凤佛扶芙福甫富刚钢纲高歌格根庚耕工功恭巩贡谷冠观光广贵桂国海涵寒翰汉航豪好浩皓和河荷贺恒弘宏红虹鸿洪厚华化桦怀欢环焕辉徽惠慧蕙火基吉极集继纪季济家佳嘉甲坚剑健建江将娇杰洁婕捷结金津锦瑾进晋京经晶菁精景靖静镜菊举娟君俊峻骏凯楷康珂可克坤昆兰岚澜蓝朗浪乐雷蕾磊黎礼李理力立丽利莉栎连廉莲良梁亮林琳霖麟玲凌铃伶灵菱岭令柳龙隆楼露璐鹿禄路伦罗洛玛满曼茂梅美媚萌蒙孟梦淼民敏名明鸣铭茉墨木牧慕穆娜乃楠南妮年宁凝农浓女诺鸥攀盼沛佩朋鹏蓬平萍屏珀朴浦琪奇旗琦启起绮倩乔巧钦芹琴勤青清晴庆琼秋球曲全泉群然冉仁日荣容蓉融如儒蕊瑞锐润若森山杉珊善尚少绍深胜盛诗石时实世仕士守寿书舒淑曙树帅双爽水顺舜硕思斯松素肃涛韬滔腾天恬田婷庭廷亭通同彤桐童拓婉旺威微薇巍为伟炜卫蔚文雯闻稳武午舞希曦溪熙玺喜霞夏仙先贤显宪祥翔向骁逍晓小孝笑心欣新鑫馨信星兴行醒杏幸雄秀旭轩宣萱璇雪勋迅亚雅延言岩妍研彦艳燕阳杨洋耀野叶一伊依仪怡宜颐义艺亦忆益逸毅翼茵音银寅英莹盈滢颖映影永勇涌友有佑又于余瑜雨语玉育钰郁煜誉园源远苑媛月悦岳越跃云芸允运韵蕴泽增展湛章彰昭召照哲真振震征正政之芝知志智治中忠钟仲舟洲珠竹卓子梓紫宗祖尊作强学军花伯叔鹤鹰雁娣婵姗嫣婧琰玥珏琛瑶瑛璟珺瑗茜芊芷苒莎蔓晟晖暄曜熠煊炎焱烨铮钧铎镇玮琨珉羽霜霏霆乾嵩峥淇渊潇瀚沐泓湘汐沁柔榕柯懿恺悠俐侠',
  ),
);
const COMPOUND_SURNAMES = ['欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '宇文', '司徒', '夏侯', '令狐', '端木', '西门', '南宫', '轩辕', '呼延', '澹台', '公冶', '太史', '申屠', '闻人', '万俟', '钟离'];

/** Titles and roles written next to names, longest first. */
const TITLE_WORDS = [
  '党委副书记', '党支部书记', '党总支书记', '纪委书记', '党委书记', '副董事长', '董事长', '副总经理', '总经理', '副总裁', '总裁',
  '风控总监', '财务总监', '首席风险官', '总会计师', '总经济师', '总工程师', '副主任委员', '主任委员', '评审委员', '独立董事', '副书记',
  '书记', '总监', '副主任', '主任', '委员', '支委', '董事', '监事长', '监事', '副经理', '经理', '副部长', '部长', '副组长', '组长',
  '成员', '同志', '副行长', '行长', '局长', '处长', '科长', '主席', '秘书', '专员', '主管', '助理', '会计', '出纳', '代表', '负责人',
  '参会人员', '参会委员', '与会人员', '人员', '先生', '女士', '律师', '客户经理', '项目经理', '风控经理',
];
const TITLE_AT_END = new RegExp(`(?:${TITLE_WORDS.join('|')})$`, 'u');
const TITLE_AT_START = new RegExp(`^(?:${TITLE_WORDS.join('|')})`, 'u');
/** An organizational unit before a title: 风险管理部, 综合办公室, 业务一部. */
const UNIT_PREFIX = /^[\u4e00-\u9fff]{1,8}?(?:部|室|处|科|中心|组|委员会|小组)/u;

const UNIT_TITLE = new RegExp(`${UNIT_PREFIX.source}(?:${TITLE_WORDS.join('|')})`, 'u');

const HAN = /^[\u4e00-\u9fff]+$/u;
/** The middle dot of a name (阿依古丽·吐尔逊) and what OCR makes of it: a bullet, a full stop, an apostrophe between characters. */
const DOT = /[·•．・‧∙]|(?<=[\u4e00-\u9fff])['’‘`](?=[\u4e00-\u9fff])/gu;

/** Characters of Uyghur, Kazakh and other names written in Chinese by sound (阿依古丽, 努尔兰, 买买提江). */
const TRANSLITERATION = '阿艾爱安巴拜班贝别波布帕达代丹德迪丁多尔恩法甫嘎格古哈海罕汗赫吉加江杰金卡凯坎克库拉兰勒力丽利林鲁玛买麦曼米娜纳尼努齐热日萨塞沙提图吐瓦旺维乌吾西希夏亚伊依尤扎孜木默穆逊斯苏塔汉合';
/** One part of such a name: two to five of those characters. */
const NAME_PART = `[${TRANSLITERATION}]{2,5}`;
/** A comma, colon, full stop or apostrophe OCR read for the dot of such a name. */
const MARK_FOR_DOT = "[，,：:.'’]";
/** The mark between two parts of such a name (努尔兰，哈力木, 古丽娜尔：热合曼). */
const DOT_READ_AS_MARK = new RegExp(`(?<=(?:^|[^${TRANSLITERATION}])${NAME_PART})${MARK_FOR_DOT}(?=${NAME_PART}(?![${TRANSLITERATION}]))`, 'gu');

/** A text with the middle dots of names written as dots. */
function withNameDots(text: string): string {
  return text.replace(DOT, '·').replace(DOT_READ_AS_MARK, '·');
}

/** Two parts of such a name around a mark, the whole value of a label (当事人：艾力，买买提): a name, its dot misread. */
const NAME_BESIDE_LABEL = new RegExp(`^[\\u4e00-\\u9fff]{2,6}[:：]\\s*(${NAME_PART})${MARK_FOR_DOT}(${NAME_PART})$`, 'u');
/** A name written by sound with its dot: both parts two to five of the characters such names use. */
const DOTTED_NAME = new RegExp(`(?<![${TRANSLITERATION}])(${NAME_PART})·(${NAME_PART})(?![${TRANSLITERATION}])`, 'gu');

/**
 * The lines with the dot of a name written by sound put back where OCR read a mark for it in
 * running text (审议阿依古丽，吐尔逊…项目), when the document writes the same name with its dot
 * elsewhere (阿依古丽·吐尔逊 in the vote list), or as the whole value of a label (当事人：艾力，买买提).
 * Only then: between two such words a comma may be real (江西，吉林). The dot takes the mark's
 * place, so offsets and segments hold.
 */
export function withDotsOfNamesElsewhere(lines: TextLine[]): TextLine[] {
  const parts = lines.flatMap((l) => {
    const beside = NAME_BESIDE_LABEL.exec(l.text);
    return [...[...l.text.replace(DOT, '·').matchAll(DOTTED_NAME)].map((m) => [m[1], m[2]]), ...(beside ? [[beside[1], beside[2]]] : [])];
  });
  const names = new Set(parts.map(([first, last]) => `(?<=${first})${MARK_FOR_DOT}(?=${last})`));
  if (names.size === 0) return lines;
  const misread = new RegExp([...names].join('|'), 'gu');
  const mend = (s: string) => s.replace(misread, '·');
  return lines.map((l) => {
    const text = mend(l.text);
    if (text === l.text) return l;
    return { ...l, text, raw: mend(l.raw), segments: l.segments?.map((seg) => ({ ...seg, text: mend(seg.text), display: mend(seg.display), raw: mend(seg.raw) })) };
  });
}

/** True for a plausible personal name. */
export function isPersonName(text: string): boolean {
  const s = withNameDots(text);
  if (/^[\u4e00-\u9fff]{1,10}·[\u4e00-\u9fff]{1,10}(?:·[\u4e00-\u9fff]{1,10})?$/u.test(s)) return true;
  if (!HAN.test(s)) return false;
  const n = Array.from(s).length;
  const compound = COMPOUND_SURNAMES.some((c) => s.startsWith(c));
  if (compound) return n >= 3 && n <= 4;
  return n >= 2 && n <= 3 && SURNAMES.has(s[0]) && !TITLE_AT_END.test(s) && !TITLE_AT_START.test(s);
}

/** Removes titles (and the units they belong to) in front of a name: 党支部书记、董事长郭磊 -> 郭磊. */
function endsWithTitle(prefix: string): boolean {
  return prefix === '' || /[、，,\s]$/u.test(prefix) || TITLE_AT_END.test(prefix);
}

export interface NameReading {
  name: string;
  /** 1 when the name stands alone or beside a known title; lower when the words around it are unexplained. */
  certainty: number;
}

/**
 * The name at the end of a phrase, after any titles: 总经理李亮 -> 李亮, 评审委员江洋 -> 江洋,
 * 党支部书记、董事长郭磊 -> 郭磊, 董事长古丽娜尔·热合曼 -> 古丽娜尔·热合曼.
 */
export function nameAtEnd(phrase: string): NameReading | undefined {
  const s = withNameDots(phrase.replace(/\s+/g, '')).replace(/(?:同志|先生|女士)$/u, '');
  const dotted = /([\u4e00-\u9fff]{1,16})·([\u4e00-\u9fff]{1,10})$/u.exec(s);
  if (dotted) {
    // The part before the dot may carry titles: strip known ones from its start.
    let first = dotted[1];
    let prefix = s.slice(0, dotted.index);
    for (;;) {
      const t = TITLE_AT_START.exec(first) ?? UNIT_TITLE.exec(first);
      if (!t || t[0].length >= first.length) break;
      prefix += t[0];
      first = first.slice(t[0].length).replace(/^[、，,]/u, '');
    }
    return { name: `${first}·${dotted[2]}`, certainty: endsWithTitle(prefix) ? 1 : 0.8 };
  }
  for (const len of [3, 2, 4]) {
    const chars = Array.from(s);
    if (chars.length < len) continue;
    const candidate = chars.slice(-len).join('');
    const prefix = chars.slice(0, -len).join('');
    if (isPersonName(candidate) && endsWithTitle(prefix)) return { name: candidate, certainty: 1 };
  }
  return undefined;
}

/** The certainty of two or three Chinese characters taken for a name though no known surname starts them. */
export const UNKNOWN_NAME = 0.6;

/**
 * The name at the start of a value: 王建国, 王建国（总经理）, 王建国 总经理, 王建国总经理.
 * Undefined when the value does not start with a plausible name; with `unknown`, where a name is
 * expected (beside 主持人：, in a vote table's name column), a first word of two or three Chinese
 * characters is taken all the same, doubtful: a rare surname, or one OCR misread (短慧 for 孟慧),
 * which the document's other readings of the name may put right (`checkedAgainstText`).
 */
export function nameAtStart(value: string, { unknown = false } = {}): NameReading | undefined {
  const s = withNameDots(value.replace(/^[\s|｜丨”“"'‘’:：;；,，.。、]+/u, ''))
    // a role in brackets; OCR may read the opening bracket as 〈 or 《 (王建国〈(总经理))
    .replace(/[〈《]?[(（〈《][^)）〉》]*[)）〉》]?/gu, ' ')
    .trim();
  const token = s.split(/[\s,，、;；。]/u)[0] ?? '';
  if (!token) return undefined;
  if (isPersonName(token)) return { name: token, certainty: 1 };
  const dotted = /^([\u4e00-\u9fff]{1,10}·[\u4e00-\u9fff]{1,10})/u.exec(token);
  if (dotted) return { name: dotted[1], certainty: 0.8 };
  // A name followed by a title (王建国总经理) or preceded by one (总经理王建国).
  for (const len of [3, 2, 4]) {
    const chars = Array.from(token);
    const head = chars.slice(0, len).join('');
    const tail = chars.slice(len).join('');
    if (chars.length > len && isPersonName(head) && (TITLE_AT_START.test(tail) || UNIT_PREFIX.test(tail))) return { name: head, certainty: 0.9 };
  }
  return nameAtEnd(token) ?? (unknown && /^[\u4e00-\u9fff]{2,3}$/u.test(token) ? { name: token, certainty: UNKNOWN_NAME } : undefined);
}

/**
 * A list of names: 张三、李四、王五 (with titles or reasons in brackets, which are dropped).
 * Every part must read as a name, else the list is uncertain.
 */
export function nameList(value: string): { names: string[]; certainty: number } | undefined {
  const cleaned = withNameDots(value)
    .replace(/[(（][^)）]*[)）]/gu, '')
    .replace(/等\s*[\d一二三四五六七八九十]+\s*[人名位]?.*$/u, '')
    .replace(/[。.]$/u, '')
    .trim();
  // marks OCR leaves around a part (”向子涵) are no part of a name
  const parts = cleaned
    .split(/[、,，;；\s]+/u)
    .map((part) => part.replace(/[^\p{L}·]/gu, ''))
    .filter(Boolean);
  if (parts.length === 0) return undefined;
  const names: string[] = [];
  let certainty = 1;
  for (const part of parts) {
    // A part that is no known name may still be one (a rare surname): kept, but doubtful; so is
    // a known name after one character OCR added before it (和孔建新).
    const added = Array.from(part).slice(1).join('');
    const n = isPersonName(part)
      ? { name: part, certainty: 1 }
      : (nameAtEnd(part) ??
        (/^[\u4e00-\u9fff]{2,3}$/u.test(part) ? { name: part, certainty: UNKNOWN_NAME } : isPersonName(added) ? { name: added, certainty: UNKNOWN_NAME } : undefined));
    if (!n) {
      certainty = Math.min(certainty, 0.5);
      continue;
    }
    certainty = Math.min(certainty, n.certainty);
    if (!names.includes(n.name)) names.push(n.name);
  }
  return names.length ? { names, certainty } : undefined;
}

/** How many characters of a name are unusual in names: a surname not known, given-name characters not common. */
function unusualCharacters(name: string): number {
  const chars = [...name];
  if (chars.includes('·')) return 0;
  const compound = COMPOUND_SURNAMES.some((c) => name.startsWith(c));
  const given = chars.slice(compound ? 2 : 1);
  return (compound || SURNAMES.has(chars[0]) ? 0 : 1) + given.filter((c) => !GIVEN_NAME_CHARS.has(c)).length;
}

/** The variants of a name another reading may stand for, `others` excepted (people of the same list). */
function nameVariants(name: string, others: readonly string[] = []): Variants {
  const odd = unusualCharacters(name);
  return {
    plausible: (v) => isPersonName(v) && !others.includes(v),
    likelier: (v) => unusualCharacters(v) < odd,
    // Two characters one apart are as likely two people of one surname (魏静, 魏敏).
    byCount: [...name].length >= 3,
  };
}

/**
 * A name checked against the rest of the document (see readingsElsewhere). A word taken for a
 * name with no known surname (see `nameAtStart`) that the document writes no likelier way is
 * left unread: a person reads it on the page.
 */
export function checkedAgainstText(field: Field<string> | undefined, lines: readonly TextLine[]): Field<string> | undefined {
  if (!field) return undefined;
  const checked = checkedElsewhere(field, lines, nameVariants(field.value));
  return checked?.value === field.value && !isPersonName(field.value) && !field.value.includes('·') ? undefined : checked;
}

/**
 * Each name of a list (`nameOf` finds it in an item) taken from the rest of the document where
 * that backs another reading (see readingsElsewhere). A name merely put in doubt is kept as it
 * is: in a list of people, names one character apart are as often two people as one misread.
 */
export function listCheckedAgainstText<T>(field: Field<T[]> | undefined, lines: readonly TextLine[], nameOf: (item: T) => string, withName: (item: T, name: string) => T): Field<T[]> | undefined {
  if (!field) return undefined;
  const text = lines.map((l) => l.text).join('');
  const names = field.value.map(nameOf);
  let confidence = field.confidence;
  const value = field.value.map((item, i) => {
    const { backed } = readingsElsewhere(names[i], text, nameVariants(names[i], names));
    if (!backed) return item;
    confidence = Math.min(confidence, BACKED);
    return withName(item, backed);
  });
  return { ...field, value, confidence };
}
