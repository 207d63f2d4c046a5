import { formatDay, parseDay } from './dates';
import type { PeriodKind } from './period';
import type { Bilingual } from './types';
import { messages, type Problem } from './messages';
import { normalizeKey } from './text';

export type CandidateRule = 'auto' | 'recommended' | 'all';
export type Severity = 'minor' | 'moderate' | 'severe';

/** Every number of a selection scheme (§3–§7). All of them can be overridden by the user. */
export interface SchemeParameters {
  /** The full score before deductions (百分制). */
  baseScore: number;
  /** Points of a violation whose points cell is blank. */
  violationPoints: number;
  /** Weights of the on-site and off-site sub-scores; null = one combined score. */
  kindWeights: { onsite: number; offsite: number } | null;
  praisePoints: number;
  praiseCap: number;
  yuanPerViolation: number;
  yuanPerPoint: number;
  complaintYuan: Record<Severity, number>;
  defaultComplaintYuan: number;
  complaintYuanMin: number;
  complaintYuanMax: number;
  /** Fines/complaints types that are a one-vote veto (一票否决). */
  vetoTypes: string[];
  /** Known types that cost money only. */
  fineTypes: string[];
  annualPointLimit: number | null;
  departmentAnnualPointLimit: number | null;
  minSatisfaction: number | null;
  minDepartmentSatisfaction: number | null;
  minEvaluationRate: number | null;
  minTenureYears: number;
  winnersPerDepartment: number;
  topN: number | null;
  maxPerDepartment: number | null;
  candidates: CandidateRule;
  starAwardYuan: number;
  departmentAwards: number;
  /** Department awards are given only on runs over these kinds of period; null = every run. */
  departmentAwardPeriods: PeriodKind[] | null;
  windowAwardYuan: number;
  annualPriorityWins: number;
  /** The name of the individual award and of the department award, for titles. */
  starTitle: Bilingual;
  windowTitle: Bilingual;
  /** The public notice (公示, §13): how many working days it is posted. */
  publicityDays: number;
  /** Weekdays that are not working days (法定节假日), as `2026-10-01`. */
  holidays: string[];
  /** Weekend days that are working days (调休), as `2026-10-10`. */
  extraWorkdays: string[];
  /** The notice's first day (or the first working day after it), as `2026-10-15`; null = dates left blank. */
  publicityStart: string | null;
  /** Who receives objections and signs the notice. */
  organizer: string;
  /** How to reach the organizer (phone, office); '' = not given. */
  contact: string;
}

export type SchemeId = 'smile-star-quarterly' | 'service-star-monthly' | 'credit-union-100' | 'hospital-quality-year' | 'gov-center-annual';

/** A published selection scheme (§7): its usual period and its parameters. */
export interface SchemePreset {
  id: SchemeId;
  name: Bilingual;
  period: PeriodKind;
  parameters: SchemeParameters;
}

export const DEFAULT_VETO_TYPES = ['投诉', '患者投诉', '群众投诉', '科室投诉', '临床科室投诉', '有效投诉', '差错',
  '事故', '纠纷', '违纪', '媒体曝光', '暗访通报', '通报'];

/** The defaults of §7 and §10 for every preset unless it says otherwise. */
export const DEFAULT_PARAMETERS: SchemeParameters = {
  baseScore: 100,
  violationPoints: 1,
  kindWeights: null,
  praisePoints: 1,
  praiseCap: 5,
  yuanPerViolation: 10,
  yuanPerPoint: 0,
  complaintYuan: { minor: 50, moderate: 100, severe: 200 },
  defaultComplaintYuan: 50,
  complaintYuanMin: 50,
  complaintYuanMax: 200,
  vetoTypes: DEFAULT_VETO_TYPES,
  fineTypes: ['罚款', '迟到', '其他'],
  annualPointLimit: null,
  departmentAnnualPointLimit: null,
  minSatisfaction: null,
  minDepartmentSatisfaction: null,
  minEvaluationRate: null,
  minTenureYears: 0,
  winnersPerDepartment: 1,
  topN: null,
  maxPerDepartment: null,
  candidates: 'auto',
  starAwardYuan: 100,
  departmentAwards: 0,
  departmentAwardPeriods: null,
  windowAwardYuan: 0,
  annualPriorityWins: 2,
  starTitle: { zh: '服务之星', en: 'Service Star' },
  windowTitle: { zh: '优质服务窗口', en: 'Quality Service Window' },
  publicityDays: 5,
  holidays: [],
  extraWorkdays: [],
  publicityStart: null,
  organizer: '评选小组',
  contact: '',
};

function preset(id: SchemeId, name: Bilingual, period: PeriodKind, parameters: Partial<SchemeParameters>): SchemePreset {
  return { id, name, period, parameters: { ...DEFAULT_PARAMETERS, ...parameters } };
}

/** The five presets of §7. */
export const PRESETS: readonly SchemePreset[] = [
  preset('smile-star-quarterly', { zh: '微笑服务之星（季度）', en: 'Smile service star (quarterly)' }, 'quarter', {
    starTitle: { zh: '微笑服务之星', en: 'Smile Service Star' },
  }),
  preset('service-star-monthly', { zh: '服务之星 + 文明科室（月度）', en: 'Service star + civilised department (monthly)' }, 'month', {
    departmentAwards: 2, minDepartmentSatisfaction: 0.95, departmentAwardPeriods: ['half'], windowAwardYuan: 100,
    windowTitle: { zh: '文明科室', en: 'Civilised Department' },
  }),
  preset('credit-union-100', { zh: '文明优质服务百分制考核（信用社）', en: 'Credit union 100-point assessment' }, 'month', {
    kindWeights: { onsite: 0.8, offsite: 0.2 }, yuanPerPoint: 50, yuanPerViolation: 0,
    annualPointLimit: 120, departmentAnnualPointLimit: 240,
    starTitle: { zh: '文明优质服务标兵', en: 'Quality Service Model' },
    windowTitle: { zh: '文明优质服务网点', en: 'Quality Service Branch' },
  }),
  preset('hospital-quality-year', { zh: '服务提升年：优质服务窗口 + 服务标兵', en: 'Service improvement year: windows + models' }, 'quarter', {
    topN: 10, winnersPerDepartment: 0, departmentAwards: 3, minSatisfaction: 0.9, minEvaluationRate: 0.9,
    starAwardYuan: 500, windowAwardYuan: 1000,
    starTitle: { zh: '服务标兵', en: 'Service Model' },
  }),
  preset('gov-center-annual', { zh: '政务服务中心：优质服务窗口 + 优秀服务标兵', en: 'Government service centre (annual)' }, 'year', {
    topN: 2, winnersPerDepartment: 0, departmentAwards: 2, minSatisfaction: 0.99, minTenureYears: 2,
    starTitle: { zh: '优秀服务标兵', en: 'Outstanding Service Model' },
  }),
];

export const DEFAULT_SCHEME: SchemeId = 'smile-star-quarterly';

export function findPreset(id: string): SchemePreset | undefined {
  return PRESETS.find((p) => p.id === id.trim());
}

/** A scheme ready to run: a preset's id and its parameters with the user's overrides applied. */
export interface Scheme {
  id: string;
  preset: SchemePreset;
  parameters: SchemeParameters;
}

const NULLABLE: ReadonlySet<keyof SchemeParameters> = new Set([
  'kindWeights', 'annualPointLimit', 'departmentAnnualPointLimit', 'minSatisfaction', 'minDepartmentSatisfaction',
  'minEvaluationRate', 'topN', 'maxPerDepartment', 'departmentAwardPeriods', 'publicityStart',
]);
const PERIOD_KINDS = ['month', 'quarter', 'half', 'year'];

function checkValue(key: keyof SchemeParameters, value: unknown): Bilingual | null {
  const base = DEFAULT_PARAMETERS[key];
  if (value === null) return NULLABLE.has(key) ? null : { zh: '不能为空', en: 'cannot be empty' };
  switch (key) {
    case 'kindWeights': {
      const w = value as { onsite?: unknown; offsite?: unknown };
      const ok = typeof w === 'object' && typeof w.onsite === 'number' && typeof w.offsite === 'number'
        && w.onsite >= 0 && w.offsite >= 0 && w.onsite + w.offsite > 0;
      return ok ? null : { zh: '应为 {"onsite": 0.8, "offsite": 0.2}', en: 'expected {"onsite": 0.8, "offsite": 0.2}' };
    }
    case 'complaintYuan': {
      const c = value as Record<string, unknown>;
      const ok = typeof c === 'object' && ['minor', 'moderate', 'severe'].every((k) => typeof c[k] === 'number');
      return ok ? null : { zh: '应为 {"minor": 50, "moderate": 100, "severe": 200}', en: 'expected {"minor": 50, "moderate": 100, "severe": 200}' };
    }
    case 'vetoTypes': case 'fineTypes':
      return Array.isArray(value) && value.every((v) => typeof v === 'string') ? null : { zh: '应为文字列表', en: 'expected a list of words' };
    case 'departmentAwardPeriods':
      return Array.isArray(value) && value.every((v) => PERIOD_KINDS.includes(v as string)) ? null
        : { zh: '应为 month/quarter/half/year 的列表', en: 'expected a list of month/quarter/half/year' };
    case 'holidays': case 'extraWorkdays':
      return Array.isArray(value) && value.every((v) => parseDay(v) !== null) ? null
        : { zh: '应为日期列表，例如 ["2026-10-01", "2026-10-02"]', en: 'expected a list of dates, e.g. ["2026-10-01", "2026-10-02"]' };
    case 'publicityStart':
      return parseDay(value) !== null ? null : { zh: '应为日期，例如 2026-10-15', en: 'expected a date, e.g. 2026-10-15' };
    case 'organizer': case 'contact':
      return typeof value === 'string' && (key === 'contact' || value.trim() !== '') ? null
        : { zh: key === 'contact' ? '应为文字' : '应为文字（不能为空）', en: key === 'contact' ? 'expected text' : 'expected text (not empty)' };
    case 'candidates':
      return ['auto', 'recommended', 'all'].includes(value as string) ? null : { zh: '应为 auto、recommended 或 all', en: 'expected auto, recommended or all' };
    case 'starTitle': case 'windowTitle': {
      const t = value as Partial<Bilingual>;
      return typeof t === 'object' && typeof t.zh === 'string' && typeof t.en === 'string' ? null
        : { zh: '应为 {"zh": "…", "en": "…"}', en: 'expected {"zh": "…", "en": "…"}' };
    }
    default:
      if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) return { zh: '应为不小于 0 的数', en: 'expected a number ≥ 0' };
      if (['winnersPerDepartment', 'topN', 'maxPerDepartment', 'departmentAwards', 'annualPriorityWins', 'publicityDays'].includes(key)
        && !Number.isInteger(value)) return { zh: '应为整数', en: 'expected a whole number' };
      if (key === 'publicityDays' && value < 1) return { zh: '应至少为 1 天', en: 'expected at least 1 day' };
      return typeof base === 'number' || NULLABLE.has(key) ? null : { zh: '类型不对', en: 'wrong type' };
  }
}

const DATE_PARAMETERS = new Set(['holidays', 'extraWorkdays', 'publicityStart']);

/** Dates as `2026-10-15` whichever way they were given (text, an Excel date or serial), so they compare as text. */
function canonicalValue(key: keyof SchemeParameters, value: unknown): unknown {
  if (!DATE_PARAMETERS.has(key) || value === null) return value;
  return Array.isArray(value) ? value.map((v) => formatDay(parseDay(v) as number)) : formatDay(parseDay(value) as number);
}

/**
 * The scheme to run: a preset with overrides. Unknown ids and bad values are problems, not exceptions.
 *
 * @example resolveScheme('credit-union-100', { annualPointLimit: 100 }).scheme?.parameters.annualPointLimit // => 100
 */
export function resolveScheme(id: string = DEFAULT_SCHEME, overrides: Readonly<Record<string, unknown>> = {}): { scheme?: Scheme; problems: Problem[] } {
  const found = findPreset(id);
  if (!found) return { problems: [messages.unknownScheme(id, PRESETS.map((p) => p.id))] };
  const parameters: SchemeParameters = { ...found.parameters };
  const problems: Problem[] = [];
  for (const [name, value] of Object.entries(overrides)) {
    if (!(name in DEFAULT_PARAMETERS)) {
      problems.push(messages.badParameter(name, { zh: '没有这个参数', en: 'no such parameter' }));
      continue;
    }
    const key = name as keyof SchemeParameters;
    const why = checkValue(key, value);
    if (why) problems.push(messages.badParameter(name, why));
    else (parameters as unknown as Record<string, unknown>)[key] = canonicalValue(key, value);
  }
  if (problems.length > 0) return { problems };
  return { scheme: { id: found.id, preset: found, parameters }, problems };
}

/** The kind weights normalised to sum 1 (§3), or null for the combined score. */
export function normalisedWeights(parameters: SchemeParameters): { onsite: number; offsite: number } | null {
  const w = parameters.kindWeights;
  if (!w) return null;
  const sum = w.onsite + w.offsite;
  return { onsite: w.onsite / sum, offsite: w.offsite / sum };
}

const LIST_PARAMETERS = new Set(['vetoTypes', 'fineTypes', 'departmentAwardPeriods', 'holidays', 'extraWorkdays']);
const NONE_WORDS = new Set(['', '无', '不设', 'none', 'null', '-']);
const SCHEME_WORDS = new Set(['scheme', '方案', '评选方案', 'preset']);
const HEADER_WORDS = new Set(['参数', 'parameter', 'name', '名称']);

/**
 * A parameter value as written in a cell or typed in the wizard: numbers, 无/none, lists
 * (投诉、差错), weights (0.8/0.2), percentages, JSON. resolveScheme checks the result.
 *
 * @example parseParameter('minSatisfaction', '95%') // => 0.95
 */
export function parseParameter(name: string, cell: unknown): unknown {
  if (typeof cell === 'number' || typeof cell === 'boolean') return cell;
  const text = String(cell ?? '').normalize('NFKC').trim();
  // Words to print as written: a contact of digits is a phone number, a blank contact is none given.
  if (name === 'organizer' || name === 'contact') return text;
  if (NONE_WORDS.has(text.toLowerCase())) return null;
  if (/^[[{]/u.test(text)) {
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
  if (LIST_PARAMETERS.has(name)) return text.split(/[、,，;；\s]+/u).filter((w) => w !== '');
  if (name === 'kindWeights') {
    const m = /^([\d.]+)\s*[/:,，]\s*([\d.]+)$/u.exec(text);
    return m ? { onsite: Number(m[1]), offsite: Number(m[2]) } : text;
  }
  if (/^[+-]?\d+(\.\d+)?%$/u.test(text)) return Number(text.slice(0, -1)) / 100;
  if (/^[+-]?\d+(\.\d+)?$/u.test(text)) return Number(text);
  return text;
}

/**
 * A scheme kept on a sheet: rows of parameter name and value (a header row and a `scheme` row
 * naming the preset are optional). Names are the parameter names of SchemeParameters.
 *
 * @example schemeFromPairs([['scheme', 'credit-union-100'], ['annualPointLimit', 100]]) // => { scheme: 'credit-union-100', overrides: { annualPointLimit: 100 } }
 */
export function schemeFromPairs(rows: readonly (readonly unknown[])[]): { scheme?: string; overrides: Record<string, unknown> } {
  const names = new Map(Object.keys(DEFAULT_PARAMETERS).map((k) => [k.toLowerCase(), k]));
  const overrides: Record<string, unknown> = {};
  let scheme: string | undefined;
  for (const row of rows) {
    const label = String(row[0] ?? '').normalize('NFKC').trim();
    const key = normalizeKey(label);
    if (key === '' || HEADER_WORDS.has(key)) continue;
    if (SCHEME_WORDS.has(key)) {
      scheme = String(row[1] ?? '').trim() || undefined;
      continue;
    }
    const name = names.get(key) ?? label;
    overrides[name] = parseParameter(name, row[1]);
  }
  return { scheme, overrides };
}

/** How the wizard shows a parameter: as a number, a percentage, a list of words, or a choice. */
export type ParameterKind = 'number' | 'percent' | 'words' | 'candidates';

export interface KeyParameter {
  key: keyof SchemeParameters;
  label: Bilingual;
  kind: ParameterKind;
  /** Empty means "none" (不设): the limit does not apply. */
  nullable: boolean;
}

/** The parameters an office most often adjusts, in the wizard's order; the rest stay editable on a scheme sheet. */
export const KEY_PARAMETERS: readonly KeyParameter[] = [
  { key: 'baseScore', label: { zh: '基础分', en: 'Base score' }, kind: 'number', nullable: false },
  { key: 'violationPoints', label: { zh: '每次违规扣分（未填分值时）', en: 'Points per violation (when blank)' }, kind: 'number', nullable: false },
  { key: 'yuanPerViolation', label: { zh: '每次违规扣款（元）', en: 'Yuan per violation' }, kind: 'number', nullable: false },
  { key: 'yuanPerPoint', label: { zh: '每扣 1 分扣款（元）', en: 'Yuan per point' }, kind: 'number', nullable: false },
  { key: 'vetoTypes', label: { zh: '一票否决的投诉类型', en: 'Complaint types that veto' }, kind: 'words', nullable: false },
  { key: 'annualPointLimit', label: { zh: '年度扣分上限（超过即否决）', en: 'Annual point limit (veto above)' }, kind: 'number', nullable: true },
  { key: 'minSatisfaction', label: { zh: '满意度下限', en: 'Minimum satisfaction' }, kind: 'percent', nullable: true },
  { key: 'minEvaluationRate', label: { zh: '评价率下限', en: 'Minimum evaluation rate' }, kind: 'percent', nullable: true },
  { key: 'minTenureYears', label: { zh: '窗口工作年限（年）', en: 'Years at the window' }, kind: 'number', nullable: false },
  { key: 'candidates', label: { zh: '候选人范围', en: 'Candidates' }, kind: 'candidates', nullable: false },
  { key: 'winnersPerDepartment', label: { zh: '每科室获奖人数', en: 'Winners per department' }, kind: 'number', nullable: false },
  { key: 'topN', label: { zh: '全单位获奖人数（前 N 名）', en: 'Winners overall (top N)' }, kind: 'number', nullable: true },
  { key: 'maxPerDepartment', label: { zh: '每科室最多获奖人数', en: 'At most per department' }, kind: 'number', nullable: true },
  { key: 'starAwardYuan', label: { zh: '个人奖励（元）', en: 'Award per person (yuan)' }, kind: 'number', nullable: false },
  { key: 'departmentAwards', label: { zh: '先进科室名额', en: 'Department awards' }, kind: 'number', nullable: false },
  { key: 'windowAwardYuan', label: { zh: '科室奖励（元）', en: 'Award per department (yuan)' }, kind: 'number', nullable: false },
];

/**
 * A parameter's value as the wizard shows it in a text box: the inverse of parseParameter for the
 * key parameters (percentages as 95%, lists joined with 、, none as empty).
 *
 * @example parameterText({ key: 'minSatisfaction', kind: 'percent' }, 0.95) // => '95%'
 */
export function parameterText(p: Pick<KeyParameter, 'key' | 'kind'>, value: unknown): string {
  if (value === null || value === undefined) return '';
  if (p.kind === 'percent' && typeof value === 'number') return `${Math.round(value * 10_000) / 100}%`;
  if (Array.isArray(value)) return value.join('、');
  return String(value);
}
