/**
 * Personal names in Chinese paperwork: 2-3 Han characters led by a surname (4 with a compound
 * surname), or names of Uyghur, Kazakh, Hui and other communities written with a middle dot
 * (古丽娜尔·热合曼). Titles written before or after a name (总经理李亮, 评审委员江洋,
 * 王建国（总经理）) are told apart from it.
 */
import type { Field } from '../domain/fields.js';
import type { TextLine } from './lines.js';
import { BACKED, checkedElsewhere, readingsElsewhere } from './readings-elsewhere.js';

const SURNAMES = new Set(
  Array.from(
    '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向常汤康易乔赖文施洪辛柯庄牛单殷纪符聂温柴祁耿鲁葛申翟关欧兰焦岳齐俞宁邢鲍章樊左季梅车包蓝艾褚喻卜伍饶阮鄂舒凌丛苗詹甘仇池邬栾滕蒙裴伏谷米厉农云苟边卫井芦屈路巩靳涂闵全班仲解虞时晏习茅郁桂麦连佟应宗房冉佘花霍奚成盛丰刁封霍沙缪隋卓明蔺湛权鞠师索景冀臧郎宫穆牟晋弓阳母尚查储计浦费危帅谈钮祝蒲都平琚席旷昝訾司党荣宿和么鲜相迟古幸候商储訚宦鲜揭瞿娄',
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

/** True for a plausible personal name. */
export function isPersonName(text: string): boolean {
  const s = text.replace(DOT, '·');
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
  const s = phrase.replace(/\s+/g, '').replace(DOT, '·').replace(/(?:同志|先生|女士)$/u, '');
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

/**
 * The name at the start of a value: 王建国, 王建国（总经理）, 王建国 总经理, 王建国总经理.
 * Undefined when the value does not start with a plausible name.
 */
export function nameAtStart(value: string): NameReading | undefined {
  const s = value
    .replace(/^[\s|｜丨”“"'‘’:：;；,，.。、]+/u, '')
    .replace(DOT, '·')
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
  return nameAtEnd(token);
}

/**
 * A list of names: 张三、李四、王五 (with titles or reasons in brackets, which are dropped).
 * Every part must read as a name, else the list is uncertain.
 */
export function nameList(value: string): { names: string[]; certainty: number } | undefined {
  const cleaned = value
    .replace(DOT, '·')
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
        (/^[\u4e00-\u9fff]{2,3}$/u.test(part) ? { name: part, certainty: 0.6 } : isPersonName(added) ? { name: added, certainty: 0.6 } : undefined));
    if (!n) {
      certainty = Math.min(certainty, 0.5);
      continue;
    }
    certainty = Math.min(certainty, n.certainty);
    if (!names.includes(n.name)) names.push(n.name);
  }
  return names.length ? { names, certainty } : undefined;
}

/**
 * A name of three or more characters checked against the rest of the document (see
 * readingsElsewhere). Two characters one apart are as likely two people of one surname (魏静,
 * 魏敏): those are left alone.
 */
export function checkedAgainstText(field: Field<string> | undefined, lines: readonly TextLine[]): Field<string> | undefined {
  return [...(field?.value ?? '')].length >= 3 ? checkedElsewhere(field, lines, isPersonName) : field;
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
    if ([...names[i]].length < 3) return item;
    const { backed } = readingsElsewhere(names[i], text, (v) => isPersonName(v) && !names.includes(v));
    if (!backed) return item;
    confidence = Math.min(confidence, BACKED);
    return withName(item, backed);
  });
  return { ...field, value, confidence };
}
