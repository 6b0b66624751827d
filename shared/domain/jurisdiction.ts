/** Jurisdictions of the seed regulations, by code (rule catalogue, header table). */
export const JURISDICTIONS = {
  NX: '宁夏回族自治区',
  YN: '云南省',
  SX: '山西省',
  XJ: '新疆维吾尔自治区',
  CQ: '重庆市',
} as const;
export type Jurisdiction = keyof typeof JURISDICTIONS;

const NAME_HINTS: Array<[RegExp, Jurisdiction]> = [
  [/宁夏|银川|石嘴山|吴忠|固原|中卫/, 'NX'],
  [/云南|昆明|曲靖|玉溪|大理|红河|昭通|楚雄|保山|丽江|普洱|临沧|文山|西双版纳|德宏|怒江|迪庆/, 'YN'],
  [/山西|太原|大同|阳泉|长治|晋城|朔州|晋中|运城|忻州|临汾|吕梁/, 'SX'],
  [/新疆|乌鲁木齐|克拉玛依|吐鲁番|哈密|昌吉|伊犁|喀什|阿克苏|和田|巴音郭楞|博尔塔拉|克孜勒苏|塔城|阿勒泰/, 'XJ'],
  [/重庆|渝/, 'CQ'],
];

/** The jurisdiction an institution's name places it in, if it names one. */
export function jurisdictionFromName(name: string | undefined): Jurisdiction | undefined {
  if (!name) return undefined;
  return NAME_HINTS.find(([re]) => re.test(name))?.[1];
}
