/**
 * Builds examples/hospital-2026Q3.xlsx — the example workbook of a hospital's
 * 2026 Q3 "微笑服务之星" selection (see examples/README.md).
 *
 *   npx ts-node --transpile-only scripts/make-example.ts      (npm run examples)
 *
 * The data are generated with a seeded PRNG (mulberry32), so every run gives the
 * same cells. Random rows only fill in the background (合格 checks, violations and
 * praise of people who are not recommended, satisfaction counts); every row that
 * decides a story of the result is written out explicitly below.
 *
 * At the end the script re-computes the 2026Q3 result under the default scheme
 * (smile-star-quarterly: 100 − points + praise, complaint veto, recommended
 * candidates, one place per department, tie rule of rules.md §6/§10) from the very
 * cell values it wrote, prints it per department, checks the intended stories and
 * reads the file back to check it round-trips. Any mismatch throws.
 */
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { mulberry32, repeatableXlsx } from './repeatable';

// ---------------------------------------------------------------------------
// Deterministic randomness
// ---------------------------------------------------------------------------


const rnd = mulberry32(20260930);
const randInt = (lo: number, hi: number): number => lo + Math.floor(rnd() * (hi - lo + 1));
function pick<T>(list: readonly T[]): T {
  const v = list[Math.floor(rnd() * list.length)];
  if (v === undefined) throw new Error('pick from an empty list');
  return v;
}

// ---------------------------------------------------------------------------
// Dates (calendar days, written as UTC midnight)
// ---------------------------------------------------------------------------

const D = (y: number, m: number, d: number): Date => new Date(Date.UTC(y, m - 1, d));
const DAY = 86400000;
const Q3_FIRST = D(2026, 7, 1).getTime();
const Q3_LAST = D(2026, 9, 30).getTime();
const inQ3 = (d: Date): boolean => d.getTime() >= Q3_FIRST && d.getTime() <= Q3_LAST;
const iso = (d: Date): string => d.toISOString().slice(0, 10);

// ---------------------------------------------------------------------------
// Roster
// ---------------------------------------------------------------------------

type Cell = string | number | Date | null;
type Row = Cell[];

interface Staff {
  id: string;
  name: string;
  dept: string;
  post: string;
  status: '在岗' | '离岗' | '调离';
  since: Date;
  /** last day on which the person still appears in records (inactive staff) */
  lastDay?: Date;
}

const DEPARTMENTS: { dept: string; lead: string; posts: string[]; names: string[] }[] = [
  { dept: '导医台', lead: '导医组长', posts: ['导医护士', '导医护士', '导医'],
    names: ['李婷婷', '王芳', '陈静', '刘慧敏', '杨雪', '赵欣怡', '黄丽娟', '周晓燕'] },
  { dept: '门诊收费室', lead: '收费组长', posts: ['收费员'],
    names: ['吴秀英', '徐磊', '孙佳琪', '胡明', '朱丽', '高建华', '林晓红', '何雯', '郭敏', '马超', '罗玉兰', '梁晨'] },
  { dept: '住院收费室', lead: '结算组长', posts: ['出入院结算员', '收费员'],
    names: ['宋佳', '郑海燕', '谢志强', '韩梅', '唐晓丽', '冯丹', '于洋', '董文静', '程红'] },
  { dept: '中西药房', lead: '药房组长', posts: ['西药调剂', '中药调剂', '药师'],
    names: ['曹志刚', '袁媛', '邓丽', '许建军', '傅晓梅', '沈静怡', '曾凡', '彭涛', '吕娜', '苏晴', '卢俊', '蒋欢', '王芳'] },
  { dept: '检验科', lead: '采血组长', posts: ['检验师', '采血护士', '报告发放'],
    names: ['蔡文博', '贾琳', '丁宁', '魏凯', '薛莉', '叶子涵', '阎鹏', '余婷', '潘晓东'] },
  { dept: '挂号室', lead: '挂号组长', posts: ['挂号员'],
    names: ['杜娟', '戴燕', '夏雨', '钟丽萍', '汪洋', '田甜', '任杰', '姜慧', '张伟'] },
];
const DEPT_NAMES = DEPARTMENTS.map((d) => d.dept);

/** staff who have left the window: name → status and last day in the records */
const INACTIVE: Record<string, { status: '离岗' | '调离'; lastDay: Date }> = {
  马超: { status: '调离', lastDay: D(2026, 7, 31) },
  卢俊: { status: '离岗', lastDay: D(2026, 7, 15) },
};

const staff: Staff[] = [];
for (const dep of DEPARTMENTS) {
  dep.names.forEach((name, i) => {
    const id = `H${3001 + staff.length}`;
    const lead = i === 0;
    const since = lead
      ? D(randInt(2006, 2012), randInt(1, 12), randInt(1, 28))
      : D(randInt(2012, 2025), randInt(1, 12), randInt(1, 28));
    const off = INACTIVE[name];
    staff.push({
      id, name, dept: dep.dept,
      post: lead ? dep.lead : pick(dep.posts),
      status: off ? off.status : '在岗',
      since,
      ...(off ? { lastDay: off.lastDay } : {}),
    });
  });
}

/** The one person of that name (in that department when given). */
function who(name: string, dept?: string): Staff {
  const found = staff.filter((s) => s.name === name && (dept === undefined || s.dept === dept));
  const s = found[0];
  if (found.length !== 1 || s === undefined) throw new Error(`who(${name}, ${dept ?? ''}): ${found.length} matches`);
  return s;
}
const active = (s: Staff, d: Date): boolean => s.lastDay === undefined || d.getTime() <= s.lastDay.getTime();

// ---------------------------------------------------------------------------
// The stories: recommendations and the rows that decide them
// ---------------------------------------------------------------------------

/** 3 recommended per department, in the department head's order */
const RECOMMENDED: Record<string, string[]> = {
  导医台: ['陈静', '刘慧敏', '赵欣怡'],
  门诊收费室: ['孙佳琪', '林晓红', '郭敏'],
  住院收费室: ['韩梅', '郑海燕', '董文静'],
  中西药房: ['沈静怡', '彭涛', '苏晴'],
  检验科: ['薛莉', '贾琳', '余婷'],
  挂号室: ['钟丽萍', '张伟', '田甜'],
};
const recommendedIds = new Set(
  Object.entries(RECOMMENDED).flatMap(([dept, names]) => names.map((n) => who(n, dept).id)),
);
/** people whose Q3 inspections and praise are only the explicit rows below */
const cleanIds = new Set([...recommendedIds, who('杨雪').id]);

/** Expected 2026Q3 result under smile-star-quarterly (checked at the end). */
const EXPECTED: Record<string, { winner?: string; tie?: string[]; vetoed?: string }> = {
  导医台: { winner: '陈静' },
  门诊收费室: { tie: ['孙佳琪', '林晓红'] },
  住院收费室: { winner: '韩梅' },
  中西药房: { winner: '彭涛', vetoed: '沈静怡' },
  检验科: { winner: '薛莉' },
  挂号室: { winner: '钟丽萍' },
};

// ---------------------------------------------------------------------------
// 督导检查记录
// ---------------------------------------------------------------------------

const INSPECTORS = ['周敏', '赵国强', '孙丽华', '马骏'];
const OK_ITEMS = ['仪容仪表', '文明用语', '劳动纪律', '工牌佩戴', '窗口秩序', '服务态度', '首问负责制', '一次性告知'];
const BAD_ITEMS: { item: string; points: number; kinds: string[] }[] = [
  { item: '未使用文明用语', points: 1, kinds: ['暗访', '现场'] },
  { item: '着装不规范', points: 1, kinds: ['现场', '现场', '调取监控'] },
  { item: '未按规定佩戴工牌', points: 1, kinds: ['现场', '调取监控'] },
  { item: '上班时间吃东西', points: 1, kinds: ['调取监控', '非现场'] },
  { item: '窗口台面杂乱', points: 1, kinds: ['现场'] },
  { item: '玩手机', points: 2, kinds: ['调取监控', '非现场', '暗访'] },
  { item: '脱岗', points: 2, kinds: ['调取监控', '现场'] },
  { item: '上班时间闲聊', points: 2, kinds: ['暗访', '调取监控'] },
  { item: '服务态度生硬', points: 3, kinds: ['暗访', '现场'] },
  { item: '推诿患者', points: 3, kinds: ['暗访'] },
];

type Form = 'full' | 'id' | 'name' | 'spaced' | 'dept';
interface Inspection {
  date: Date;
  dateText?: string;
  who?: Staff;
  dept?: string;
  form: Form;
  item: string;
  kind: string;
  points: number | null;
  result: string;
  inspector: string;
}

const inspections: Inspection[] = [];

/** an explicit violation row */
function bad(s: Staff, date: Date, item: string, points: number | null, kind: string, result = '违规', form: Form = 'full', dateText?: string): void {
  inspections.push({ date, who: s, form, item, kind, points, result, inspector: pick(INSPECTORS), ...(dateText ? { dateText } : {}) });
}
/** an explicit 合格 row */
function ok(s: Staff, date: Date, item: string, form: Form = 'full', dateText?: string): void {
  inspections.push({ date, who: s, form, item, kind: '现场', points: null, result: '合格', inspector: pick(INSPECTORS), ...(dateText ? { dateText } : {}) });
}

// 导医台: 陈静 102 wins; 刘慧敏 100; 赵欣怡 98 (杨雪 105 is not recommended)
bad(who('陈静'), D(2026, 7, 22), '着装不规范', null, '现场');
bad(who('刘慧敏'), D(2026, 8, 19), '未使用文明用语', 1, '暗访', '扣分');
bad(who('赵欣怡'), D(2026, 7, 9), '玩手机', 2, '调取监控');
bad(who('赵欣怡'), D(2026, 9, 15), '未按规定佩戴工牌', 1, '现场', '违规', 'id');
// 门诊收费室: 孙佳琪 and 林晓红 both 101, 1 violation, 2 praise rows, same satisfaction → tie
bad(who('孙佳琪'), D(2026, 8, 11), '玩手机', 2, '调取监控');
bad(who('林晓红'), D(2026, 9, 8), '未按规定佩戴工牌', null, '现场', '扣分');
bad(who('林晓红'), D(2026, 6, 23), '服务态度生硬', 3, '暗访'); // June: outside Q3
bad(who('郭敏'), D(2026, 7, 16), '脱岗', 2, '调取监控');
bad(who('郭敏'), D(2026, 9, 22), '着装不规范', 1, '现场');
// 住院收费室: 韩梅 101 wins; 郑海燕 99; 董文静 98
bad(who('郑海燕'), D(2026, 8, 5), '未使用文明用语', 1, '暗访');
bad(who('董文静'), D(2026, 7, 28), '上班时间闲聊', 2, '暗访');
bad(who('董文静'), D(2026, 9, 10), '着装不规范', 1, '现场', '违规', 'id');
// 中西药房: 沈静怡 103 but a valid 患者投诉 in August → vetoed; 彭涛 100 wins; 苏晴 98
bad(who('沈静怡'), D(2026, 10, 2), '着装不规范', 1, '现场'); // October: outside Q3
bad(who('彭涛'), D(2026, 8, 24), '着装不规范', 1, '暗访');
bad(who('苏晴'), D(2026, 7, 30), '服务态度生硬', 3, '现场');
// 检验科: 薛莉 102 wins (also won 2026Q2); 贾琳 100; 余婷 99
bad(who('薛莉'), D(2026, 8, 13), '未使用文明用语', null, '暗访');
bad(who('余婷'), D(2026, 7, 7), '玩手机', 2, '调取监控');
bad(who('余婷', '检验科'), D(2026, 9, 17), '着装不规范', 1, '现场', '违规', 'name');
// 挂号室: 钟丽萍 101 wins (also won 2026Q1; an invalid complaint); 张伟 99; 田甜 98
bad(who('钟丽萍'), D(2026, 6, 29), '脱岗', 2, '调取监控'); // June: outside Q3
bad(who('张伟'), D(2026, 8, 20), '未使用文明用语', 1, '暗访', '违规', 'spaced'); // written "张 伟"
bad(who('田甜'), D(2026, 9, 4), '脱岗', 2, '调取监控', '扣分');

// rows that show how records may name people, and two dates written as text
bad(who('王芳', '中西药房'), D(2026, 8, 3), '玩手机', 2, '调取监控', '违规', 'name');
ok(who('王芳', '导医台'), D(2026, 7, 21), '仪容仪表', 'name');
bad(who('朱丽'), D(2026, 7, 24), '上班时间吃东西', 1, '调取监控', '违规', 'id');
bad(who('徐磊'), D(2026, 8, 12), '玩手机', 2, '调取监控', '违规', 'full', '2026年8月12日');
ok(who('何雯'), D(2026, 9, 3), '文明用语', 'full', '2026/9/3');

// department-only rows (no person named)
const deptRow = (dept: string, date: Date, item: string, points: number | null, kind: string, result: string): void => {
  inspections.push({ date, dept, form: 'dept', item, kind, points, result, inspector: pick(INSPECTORS) });
};
deptRow('门诊收费室', D(2026, 7, 14), '窗口无人', 2, '调取监控', '违规');
deptRow('挂号室', D(2026, 8, 7), '窗口无人', 2, '暗访', '违规');
deptRow('导医台', D(2026, 8, 26), '窗口无人', null, '现场', '扣分');
deptRow('中西药房', D(2026, 9, 17), '高峰时段未增开窗口', 1, '非现场', '违规');

// background rows: routine checks on weekdays, 2026-06-20 … 2026-10-05
const weekdays: Date[] = [];
for (let t = D(2026, 6, 20).getTime(); t <= D(2026, 10, 5).getTime(); t += DAY) {
  const d = new Date(t);
  if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6) weekdays.push(d);
}
const TARGET_INSPECTIONS = 352;
while (inspections.length < TARGET_INSPECTIONS) {
  const date = pick(weekdays);
  const s = pick(staff.filter((p) => active(p, date)));
  const mayViolate = !cleanIds.has(s.id) || !inQ3(date);
  if (mayViolate && rnd() < 0.13) {
    const b = pick(BAD_ITEMS);
    bad(s, date, b.item, rnd() < 0.2 ? null : b.points, pick(b.kinds), rnd() < 0.7 ? '违规' : '扣分');
  } else {
    const kind = rnd() < 0.8 ? '现场' : pick(['暗访', '调取监控', '非现场']);
    inspections.push({ date, who: s, form: 'full', item: pick(OK_ITEMS), kind, points: null, result: '合格', inspector: pick(INSPECTORS) });
  }
}
inspections.sort((a, b) => a.date.getTime() - b.date.getTime());

const inspectionRows: Row[] = inspections.map((r) => {
  const s = r.who;
  const id = s && (r.form === 'full' || r.form === 'id') ? s.id : null;
  const name = !s || r.form === 'id' ? null
    : r.form === 'spaced' ? `${s.name.slice(0, 1)} ${s.name.slice(1)}` : s.name;
  const dept = r.form === 'id' ? null : (s ? s.dept : r.dept ?? null);
  return [r.dateText ?? r.date, id, name, dept, r.item, r.kind, r.points, r.result, r.inspector];
});

// ---------------------------------------------------------------------------
// 投诉及处罚记录
// ---------------------------------------------------------------------------

interface Fine { date: Date; who?: Staff; dept?: string; type: string; severity: string | null; amount: number | null; valid: string; reason: string }
const F = (date: Date, s: Staff | string, type: string, severity: string | null, amount: number | null, reason: string, valid = '有效'): Fine =>
  typeof s === 'string'
    ? { date, dept: s, type, severity, amount, valid, reason }
    : { date, who: s, type, severity, amount, valid, reason };

const fines: Fine[] = [
  F(D(2026, 6, 24), who('胡明'), '患者投诉', '一般', null, '收费时与患者发生口角'),
  F(D(2026, 7, 3), who('冯丹'), '迟到', null, 20, '早班迟到15分钟'),
  F(D(2026, 7, 8), who('蒋欢'), '差错', '一般', null, '发药数量差错，已追回'),
  F(D(2026, 7, 10), who('徐磊'), '迟到', null, 20, '早班迟到10分钟'),
  F(D(2026, 7, 15), who('戴燕'), '患者投诉', '轻微', null, '挂号时未耐心解释科室位置'),
  F(D(2026, 7, 17), who('杨雪'), '迟到', null, 20, '早班迟到8分钟'),
  F(D(2026, 7, 21), who('钟丽萍'), '患者投诉', '一般', null, '患者投诉挂号态度冷淡，经调取录像核实不属实', '无效'),
  F(D(2026, 7, 23), who('邓丽'), '罚款', null, 50, '工作时间玩手机被院办通报'),
  F(D(2026, 7, 28), who('梁晨'), '差错', '严重', null, '收费金额错误，造成患者多缴费'),
  F(D(2026, 8, 4), who('韩梅'), '迟到', null, 20, '早班迟到5分钟'),
  F(D(2026, 8, 6), '挂号室', '患者投诉', '一般', null, '高峰时段开放窗口不足，患者排队时间过长'),
  F(D(2026, 8, 14), who('沈静怡'), '患者投诉', '一般', null, '发药时态度生硬，与患者发生争执'),
  F(D(2026, 8, 18), who('于洋'), '科室投诉', '轻微', null, '临床科室反映出院结算办理拖延'),
  F(D(2026, 8, 20), who('阎鹏'), '差错', '一般', null, '标本条码贴错，及时发现纠正'),
  F(D(2026, 8, 25), who('李婷婷'), '罚款', null, 100, '未按规定着装被院办通报'),
  F(D(2026, 8, 27), who('任杰'), '迟到', null, 20, '早班迟到12分钟'),
  F(D(2026, 9, 2), who('高建华'), '患者投诉', '严重', 200, '拒绝为患者办理退费，态度恶劣'),
  F(D(2026, 9, 5), who('魏凯'), '迟到', null, 20, '早班迟到6分钟'),
  F(D(2026, 9, 9), who('吕娜'), '科室投诉', '一般', null, '临床科室反映退药流程推诿'),
  F(D(2026, 9, 11), who('黄丽娟'), '患者投诉', '轻微', 50, '分诊指引错误，患者往返两次'),
  F(D(2026, 9, 16), who('贾琳'), '迟到', null, 20, '早班迟到5分钟'),
  F(D(2026, 9, 19), who('程红'), '罚款', null, 50, '交接班未按规定登记'),
  F(D(2026, 9, 24), who('许建军'), '差错', '轻微', null, '调剂时药品规格拿错，患者未服用'),
  F(D(2026, 9, 28), who('汪洋'), '罚款', null, 30, '工作时间擅自离岗'),
  // a type the scheme does not know: counted as a fine and warned (UNKNOWN_TYPE)
  F(D(2026, 9, 29), who('邓丽'), '服务纪律', null, 50, '午休时段窗口提前关闭'),
  F(D(2026, 10, 3), who('何雯'), '患者投诉', '一般', null, '退费解释不清'),
];
const fineRows: Row[] = fines.map((f) => [
  f.date, f.who?.id ?? null, f.who?.name ?? null, f.who?.dept ?? f.dept ?? null,
  f.type, f.severity, f.amount, f.valid, f.reason,
]);

// ---------------------------------------------------------------------------
// 表扬记录
// ---------------------------------------------------------------------------

interface Praise { date: Date; who: Staff; source: string; points: number | null }
const praises: Praise[] = [];
const P = (name: string, date: Date, source: string, points: number | null): void => {
  praises.push({ date, who: who(name, name === '王芳' ? '导医台' : undefined), source, points });
};
P('陈静', D(2026, 7, 13), '锦旗', 2);
P('陈静', D(2026, 9, 1), '感谢信', null);
P('刘慧敏', D(2026, 8, 6), '患者点名表扬', 1);
P('刘慧敏', D(2026, 6, 26), '锦旗', 2); // June: outside Q3
P('赵欣怡', D(2026, 8, 28), '科室反映', 1);
P('杨雪', D(2026, 7, 6), '锦旗', 2);
P('杨雪', D(2026, 7, 27), '感谢信', null);
P('杨雪', D(2026, 8, 17), '患者点名表扬', 1);
P('杨雪', D(2026, 9, 14), '科室反映', 1);
P('孙佳琪', D(2026, 7, 20), '锦旗', 2);
P('孙佳琪', D(2026, 9, 7), '感谢信', null);
P('林晓红', D(2026, 8, 3), '患者点名表扬', 1);
P('林晓红', D(2026, 9, 21), '感谢信', 1);
P('郭敏', D(2026, 8, 21), '感谢信', null);
P('韩梅', D(2026, 7, 31), '感谢信', 1);
P('董文静', D(2026, 9, 2), '患者点名表扬', null);
P('沈静怡', D(2026, 7, 8), '锦旗', 2);
P('沈静怡', D(2026, 9, 10), '感谢信', 1);
P('彭涛', D(2026, 8, 12), '感谢信', 1);
P('苏晴', D(2026, 7, 29), '科室反映', 1);
P('薛莉', D(2026, 7, 17), '锦旗', 2);
P('薛莉', D(2026, 9, 18), '患者点名表扬', 1);
P('余婷', D(2026, 8, 10), '感谢信', 1);
P('余婷', D(2026, 9, 24), '患者点名表扬', null);
P('钟丽萍', D(2026, 8, 31), '感谢信', 1);
P('王芳', D(2026, 10, 5), '感谢信', 1); // October: outside Q3
{
  const others = staff.filter((s) => !cleanIds.has(s.id) && s.lastDay === undefined);
  const q3days = weekdays.filter(inQ3);
  const praised = new Set<string>(); // at most one background praise per person
  while (praises.length < 41) {
    const s = pick(others.filter((o) => !praised.has(o.id)));
    praised.add(s.id);
    const source = pick(['患者点名表扬', '患者点名表扬', '锦旗', '感谢信', '感谢信', '科室反映']);
    const points = source === '锦旗' ? 2 : pick([null, 1, 1]);
    praises.push({ date: pick(q3days), who: s, source, points });
  }
}
praises.sort((a, b) => a.date.getTime() - b.date.getTime());
const praiseRows: Row[] = praises.map((p) => [p.date, p.who.id, p.who.name, p.who.dept, p.source, p.points]);

// ---------------------------------------------------------------------------
// 满意度
// ---------------------------------------------------------------------------

const MONTHS = ['2026-07', '2026-08', '2026-09'];
/** the tied pair of 门诊收费室 gets identical counts */
const TIE_COUNTS: [number, number, number][] = [[186, 180, 231], [204, 199, 248], [173, 169, 210]];
const tieIds = new Set((EXPECTED['门诊收费室']?.tie ?? []).map((n) => who(n).id));
const satisfactionRows: Row[] = [];
MONTHS.forEach((month, mi) => {
  for (const s of staff) {
    if (s.status !== '在岗') continue;
    const fixed = TIE_COUNTS[mi];
    if (tieIds.has(s.id) && fixed) {
      satisfactionRows.push([month, s.id, s.name, fixed[0], fixed[1], fixed[2]]);
      continue;
    }
    const evals = randInt(60, 300);
    const rate = 0.92 + rnd() * 0.08;
    const satisfied = Math.min(evals, Math.round(evals * rate));
    const served = evals + Math.round(evals * (0.05 + rnd() * 0.4));
    satisfactionRows.push([month, s.id, s.name, evals, satisfied, served]);
  }
});

// ---------------------------------------------------------------------------
// 推荐名单, 获奖记录, 人员名单
// ---------------------------------------------------------------------------

const recommendationRows: Row[] = Object.entries(RECOMMENDED).flatMap(([dept, names]) =>
  names.map((n): Row => { const s = who(n, dept); return ['2026Q3', dept, s.id, s.name]; }));

const HISTORY: [string, string, number][] = [
  ['2026Q1', '刘慧敏', 101], ['2026Q1', '吴秀英', 102], ['2026Q1', '宋佳', 100],
  ['2026Q1', '曹志刚', 101], ['2026Q1', '蔡文博', 103], ['2026Q1', '钟丽萍', 102],
  ['2026Q2', '刘慧敏', 102], ['2026Q2', '林晓红', 101], ['2026Q2', '谢志强', 101],
  ['2026Q2', '沈静怡', 103], ['2026Q2', '薛莉', 102], ['2026Q2', '杜娟', 100],
];
const historyRows: Row[] = HISTORY.map(([period, name, score]) => {
  const s = who(name);
  return [period, s.dept, s.id, s.name, score, 'winner'];
});

const staffRows: Row[] = staff.map((s) => [s.id, s.name, s.dept, s.post, s.status, s.since]);

// ---------------------------------------------------------------------------
// Writing the workbook
// ---------------------------------------------------------------------------

interface SheetSpec {
  name: string;
  headers: string[];
  widths: number[];
  rows: Row[];
  title?: string;
  /** 1-based columns holding dates */
  dateCols?: number[];
  centerCols?: number[];
}

const SHEETS: SheetSpec[] = [
  { name: '人员名单', title: 'XX市第一人民医院 窗口服务人员花名册（2026年第三季度）',
    headers: ['工号', '姓名', '科室', '岗位', '在岗状态', '上岗日期'],
    widths: [10, 10, 14, 16, 11, 13], rows: staffRows, dateCols: [6], centerCols: [1, 5, 6] },
  { name: '督导检查记录', headers: ['检查日期', '工号', '姓名', '科室', '检查项目', '检查方式', '扣分', '结果', '检查人'],
    widths: [15, 10, 10, 13, 20, 11, 7, 8, 10], rows: inspectionRows, dateCols: [1], centerCols: [1, 2, 6, 7, 8] },
  { name: '投诉及处罚记录', headers: ['日期', '工号', '姓名', '科室', '类型', '严重程度', '金额', '是否有效', '事由'],
    widths: [13, 10, 10, 13, 11, 10, 8, 10, 44], rows: fineRows, dateCols: [1], centerCols: [1, 2, 5, 6, 7, 8] },
  { name: '表扬记录', headers: ['日期', '工号', '姓名', '科室', '来源', '加分'],
    widths: [13, 10, 10, 13, 16, 7], rows: praiseRows, dateCols: [1], centerCols: [1, 2, 6] },
  { name: '满意度', headers: ['月份', '工号', '姓名', '评价数', '满意数', '服务人次'],
    widths: [11, 10, 10, 10, 10, 11], rows: satisfactionRows, centerCols: [1, 2] },
  { name: '推荐名单', headers: ['季度', '科室', '工号', '姓名'],
    widths: [10, 14, 10, 10], rows: recommendationRows, centerCols: [1, 3] },
  { name: '获奖记录', headers: ['期间', '科室', '工号', '姓名', '得分', '状态'],
    widths: [10, 14, 10, 10, 9, 10], rows: historyRows, centerCols: [1, 3, 5, 6] },
];

const THIN = { style: 'thin' as const, color: { argb: 'FFBFBFBF' } };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const FIXED_TIME = D(2026, 10, 8);

function buildWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'XX市第一人民医院 门诊部';
  wb.lastModifiedBy = 'XX市第一人民医院 门诊部';
  wb.created = FIXED_TIME;
  wb.modified = FIXED_TIME;
  wb.calcProperties.fullCalcOnLoad = false;

  for (const spec of SHEETS) {
    const headerRow = spec.title ? 3 : 1;
    const ws = wb.addWorksheet(spec.name, {
      views: [{ state: 'frozen', xSplit: 0, ySplit: headerRow, activeCell: `A${headerRow + 1}` }],
      pageSetup: { paperSize: 9, orientation: spec.headers.length > 6 ? 'landscape' : 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    });
    spec.widths.forEach((w, i) => { ws.getColumn(i + 1).width = w; });
    const lastCol = String.fromCharCode(64 + spec.headers.length);

    if (spec.title) {
      ws.mergeCells(`A1:${lastCol}1`);
      const t = ws.getCell('A1');
      t.value = spec.title;
      t.font = { name: '宋体', size: 14, bold: true };
      t.alignment = { horizontal: 'center', vertical: 'middle' };
      ws.getRow(1).height = 28;
    }

    const hr = ws.getRow(headerRow);
    spec.headers.forEach((h, i) => {
      const c = hr.getCell(i + 1);
      c.value = h;
      c.font = { name: '宋体', size: 11, bold: true };
      c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
      c.alignment = { horizontal: 'center', vertical: 'middle' };
      c.border = BORDER;
    });
    hr.height = 20;

    spec.rows.forEach((values, ri) => {
      const row = ws.getRow(headerRow + 1 + ri);
      values.forEach((v, ci) => {
        const c = row.getCell(ci + 1);
        if (v !== null) c.value = v;
        c.font = { name: '宋体', size: 11 };
        c.border = BORDER;
        if (v instanceof Date) c.numFmt = 'yyyy-mm-dd';
        if (spec.centerCols?.includes(ci + 1)) c.alignment = { horizontal: 'center' };
      });
    });
    ws.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: headerRow, column: spec.headers.length } };
    ws.pageSetup.printTitlesRow = `${headerRow}:${headerRow}`;
  }
  return wb;
}

// ---------------------------------------------------------------------------
// Self-check: the expected 2026Q3 result, computed from the cells written
// ---------------------------------------------------------------------------

const norm = (v: Cell): string => (v === null ? '' : String(v)).normalize('NFKC').replace(/\s+/g, '').toLowerCase();

function cellDate(v: Cell): Date {
  if (v instanceof Date) return v;
  const m = typeof v === 'string' ? /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(v.trim()) : null;
  if (!m) throw new Error(`self-check: unreadable date ${String(v)}`);
  return D(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** §1 person matching: id first, then name without white space, department among same names */
function resolve(id: Cell, name: Cell, dept: Cell): Staff | 'dept' {
  if (norm(id)) {
    const s = staff.find((p) => norm(p.id) === norm(id));
    if (s) return s;
  }
  if (norm(name)) {
    let found = staff.filter((p) => norm(p.name) === norm(name));
    if (found.length > 1) found = found.filter((p) => norm(p.dept) === norm(dept));
    const s = found[0];
    if (found.length !== 1 || s === undefined) throw new Error(`self-check: cannot resolve ${String(name)} / ${String(dept)}`);
    return s;
  }
  if (DEPT_NAMES.some((d) => norm(d) === norm(dept))) return 'dept';
  throw new Error('self-check: row names no person and no department');
}

const VETO_TYPES = new Set(['投诉', '患者投诉', '群众投诉', '科室投诉', '临床科室投诉', '有效投诉', '差错', '事故', '纠纷', '违纪', '媒体曝光', '暗访通报', '通报']);
const INVALID = new Set(['无效', '否', '不属实', 'n', 'false', '0']);

interface Tally {
  s: Staff;
  violations: number;
  points: number;
  praiseRows: number;
  praisePoints: number;
  evals: number;
  satisfied: number;
  vetoes: string[];
  recommended: boolean;
  score: number;
  status: string;
}

function compute(): { tallies: Tally[]; deptViolations: Map<string, number> } {
  const t = new Map<string, Tally>(staff.map((s) => [s.id, {
    s, violations: 0, points: 0, praiseRows: 0, praisePoints: 0, evals: 0, satisfied: 0,
    vetoes: [], recommended: false, score: 0, status: '',
  }]));
  const get = (s: Staff): Tally => { const x = t.get(s.id); if (!x) throw new Error(s.id); return x; };
  const deptViolations = new Map<string, number>();

  for (const r of inspectionRows) {
    const [date, id, name, dept, , , pts, result] = r;
    if (!inQ3(cellDate(date ?? null))) continue;
    const p = resolve(id ?? null, name ?? null, dept ?? null);
    const points = typeof pts === 'number' ? pts : 1;
    const res = norm(result ?? null);
    const isViolation = ['违规', '不合格', '扣分'].includes(res) ? true
      : ['合格', '通过', '无'].includes(res) ? false : points !== 0;
    if (!isViolation) continue;
    if (p === 'dept') { deptViolations.set(String(dept), (deptViolations.get(String(dept)) ?? 0) + 1); continue; }
    get(p).violations += 1;
    get(p).points += points;
  }
  for (const r of fineRows) {
    const [date, id, name, dept, type, , , valid] = r;
    if (!inQ3(cellDate(date ?? null))) continue;
    const p = resolve(id ?? null, name ?? null, dept ?? null);
    if (p === 'dept' || INVALID.has(norm(valid ?? null))) continue;
    if (!norm(type ?? null) || VETO_TYPES.has(norm(type ?? null))) get(p).vetoes.push(`COMPLAINT ${iso(cellDate(date ?? null))} ${String(type)}`);
  }
  for (const r of praiseRows) {
    const [date, id, name, dept, , pts] = r;
    if (!inQ3(cellDate(date ?? null))) continue;
    const p = resolve(id ?? null, name ?? null, dept ?? null);
    if (p === 'dept') throw new Error('praise without person');
    get(p).praiseRows += 1;
    get(p).praisePoints += typeof pts === 'number' ? pts : 1;
  }
  for (const r of satisfactionRows) {
    const [month, id, name, evals, sat] = r;
    if (!MONTHS.includes(String(month))) continue;
    const p = resolve(id ?? null, name ?? null, null);
    if (p === 'dept') throw new Error('satisfaction without person');
    get(p).evals += Number(evals);
    get(p).satisfied += Number(sat);
  }
  for (const r of recommendationRows) {
    const [period, dept, id, name] = r;
    if (period !== '2026Q3') continue;
    const p = resolve(id ?? null, name ?? null, dept ?? null);
    if (p === 'dept') throw new Error('recommendation without person');
    get(p).recommended = true;
  }
  for (const x of t.values()) {
    x.score = Math.max(0, 100 - x.points) + Math.min(5, x.praisePoints);
    if (x.s.status !== '在岗') x.vetoes.push('INACTIVE');
  }
  return { tallies: [...t.values()], deptViolations };
}

/** order of §6: score, fewer violations, more praise rows, higher satisfaction */
function compare(a: Tally, b: Tally): number {
  if (a.score !== b.score) return b.score - a.score;
  if (a.violations !== b.violations) return a.violations - b.violations;
  if (a.praiseRows !== b.praiseRows) return b.praiseRows - a.praiseRows;
  const ha = a.evals > 0;
  const hb = b.evals > 0;
  if (ha !== hb) return ha ? -1 : 1;
  if (ha && hb) return b.satisfied * a.evals - a.satisfied * b.evals;
  return 0;
}

const pct = (x: Tally): string => (x.evals > 0 ? `${((100 * x.satisfied) / x.evals).toFixed(2)}%` : '—');
const line = (x: Tally): string =>
  `${x.s.id} ${x.s.name.padEnd(4, '　')} 得分 ${String(x.score).padStart(3)}  违规 ${x.violations}(${x.points}分)  表扬 ${x.praiseRows}条  满意度 ${pct(x)}`;

function selfCheck(): void {
  const { tallies, deptViolations } = compute();
  const problems: string[] = [];
  const wins = new Map<string, number>();
  for (const [, name] of HISTORY) wins.set(who(name).id, (wins.get(who(name).id) ?? 0) + 1);

  console.log('\n2026Q3 expected result (smile-star-quarterly, computed from the rows written):');
  let tieDepartments = 0;
  for (const dept of DEPT_NAMES) {
    const members = tallies.filter((x) => x.s.dept === dept);
    const recommended = members.filter((x) => x.recommended);
    const candidates = recommended.filter((x) => x.vetoes.length === 0).sort(compare);
    const vetoed = recommended.filter((x) => x.vetoes.length > 0);
    const top = candidates[0];
    const tied = top ? candidates.filter((x) => compare(x, top) === 0) : [];
    for (const x of candidates) x.status = tied.includes(x) ? (tied.length > 1 ? 'tie' : 'winner') : 'candidate';
    if (tied.length > 1) tieDepartments += 1;

    console.log(`\n【${dept}】 ${members.length}人, 推荐 ${recommended.length}人, 科室记录违规 ${deptViolations.get(dept) ?? 0}条`);
    for (const x of candidates) {
      const won = (wins.get(x.s.id) ?? 0) + (x.status === 'winner' ? 1 : 0);
      const mark = x.status === 'winner' ? '★ 获奖' : x.status === 'tie' ? '◆ 并列（待评选小组裁定）' : '  候选';
      console.log(`  ${mark.padEnd(8)} ${line(x)}${won >= 2 ? `  年度第${won}次 → 年度优先推荐` : ''}`);
    }
    for (const x of vetoed) console.log(`  ✗ 否决   ${line(x)}  ${x.vetoes.join('; ')}`);
    const best = members.filter((x) => !x.recommended && x.s.status === '在岗' && x.vetoes.length === 0).sort(compare)[0];
    if (best) console.log(`  (未推荐者最高: ${line(best)})`);

    // the stories
    const exp = EXPECTED[dept] ?? {};
    const names = (xs: Tally[]): string => xs.map((x) => x.s.name).sort().join(',');
    if (exp.winner && !(tied.length === 1 && top?.s.name === exp.winner)) problems.push(`${dept}: expected winner ${exp.winner}, got ${names(tied)}`);
    if (exp.tie) {
      const second = candidates[tied.length];
      if (names(tied) !== [...exp.tie].sort().join(',')) problems.push(`${dept}: expected tie ${exp.tie.join(',')}, got ${names(tied)}`);
      if (top && second && !(second.score < top.score)) problems.push(`${dept}: the tied pair is not strictly above the rest on score`);
      const [a, b] = tied;
      if (a && b && !(a.evals === b.evals && a.satisfied === b.satisfied)) problems.push(`${dept}: the tied pair differ in satisfaction`);
    }
    if (names(vetoed) !== (exp.vetoed ?? '')) problems.push(`${dept}: expected vetoed ${exp.vetoed ?? '-'}, got ${names(vetoed)}`);
    if (exp.vetoed) {
      const v = vetoed[0];
      if (!v || recommended.some((x) => x !== v && x.score >= v.score)) problems.push(`${dept}: the vetoed person is not the strict top scorer`);
      if (!v || !v.vetoes.some((c) => c.includes('-08-') && c.includes('患者投诉'))) problems.push(`${dept}: the veto is not an August 患者投诉`);
    }
    if (!members.some((x) => x.violations > 0)) problems.push(`${dept}: nobody has a Q3 violation`);
  }
  if (tieDepartments !== 1) problems.push(`expected exactly one department with a tie, got ${tieDepartments}`);
  const priority = tallies.filter((x) => x.status === 'winner' && (wins.get(x.s.id) ?? 0) >= 1);
  if (priority.length === 0) problems.push('no 2026Q3 winner already won in Q1/Q2');
  if (![...wins.values()].some((n) => n >= 2)) problems.push('nobody won both Q1 and Q2');
  const sameName = new Map<string, Set<string>>();
  for (const s of staff) sameName.set(s.name, (sameName.get(s.name) ?? new Set()).add(s.dept));
  const dup = [...sameName.entries()].filter(([, d]) => d.size > 1);
  if (dup.length !== 1 || staff.length - sameName.size !== 1) problems.push('expected exactly one pair of staff with the same name');

  const both = [...wins.entries()].filter(([, n]) => n >= 2).map(([id]) => staff.find((s) => s.id === id)?.name);
  console.log(`\n年度 (2026 Q1–Q3): Q1+Q2 均获奖: ${both.join(',')}; 本季获奖且此前获奖 → 年度优先推荐: ${priority.map((x) => x.s.name).join(', ')}`);
  if (problems.length) throw new Error(`self-check failed:\n  ${problems.join('\n  ')}`);
  console.log('self-check: all stories hold.');
}

// ---------------------------------------------------------------------------
// Read-back: the file holds exactly the cells above
// ---------------------------------------------------------------------------

function same(a: unknown, b: Cell): boolean {
  if (b instanceof Date) return a instanceof Date && a.getTime() === b.getTime();
  if (b === null) return a === null || a === undefined || a === '';
  return a === b;
}

async function readBack(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const names = wb.worksheets.map((w) => w.name);
  if (names.join('|') !== SHEETS.map((s) => s.name).join('|')) throw new Error(`read-back: sheets ${names.join(',')}`);
  for (const spec of SHEETS) {
    const ws = wb.getWorksheet(spec.name);
    if (!ws) throw new Error(`read-back: no sheet ${spec.name}`);
    const headerRow = spec.title ? 3 : 1;
    if (spec.title && ws.getCell('A1').value !== spec.title) throw new Error('read-back: title');
    spec.headers.forEach((h, i) => {
      if (ws.getRow(headerRow).getCell(i + 1).value !== h) throw new Error(`read-back: ${spec.name} header ${h}`);
    });
    spec.rows.forEach((values, ri) => {
      values.forEach((v, ci) => {
        const got = ws.getRow(headerRow + 1 + ri).getCell(ci + 1).value;
        if (!same(got, v)) throw new Error(`read-back: ${spec.name}!R${headerRow + 1 + ri}C${ci + 1}: ${String(got)} ≠ ${String(v)}`);
      });
    });
    if (ws.actualRowCount !== headerRow - (spec.title ? 1 : 0) + spec.rows.length) {
      throw new Error(`read-back: ${spec.name} has ${ws.actualRowCount} rows`);
    }
  }
  console.log('read-back: every cell matches.');
}

// ---------------------------------------------------------------------------

async function main(): Promise<void> {
  const out = path.join(__dirname, '..', 'examples', 'hospital-2026Q3.xlsx');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, await repeatableXlsx(buildWorkbook(), FIXED_TIME));

  const count = (rows: Row[], col: number): string => {
    const inside = rows.filter((r) => inQ3(cellDate(r[col] ?? null))).length;
    return `${rows.length} rows (${inside} in 2026Q3, ${rows.length - inside} outside)`;
  };
  console.log(`wrote ${path.relative(process.cwd(), out)}`);
  console.log(`  人员名单       ${staffRows.length} staff (${staff.filter((s) => s.status !== '在岗').length} not active)`);
  console.log(`  督导检查记录   ${count(inspectionRows, 0)}`);
  console.log(`  投诉及处罚记录 ${count(fineRows, 0)}`);
  console.log(`  表扬记录       ${count(praiseRows, 0)}`);
  console.log(`  满意度         ${satisfactionRows.length} rows`);
  console.log(`  推荐名单       ${recommendationRows.length} rows`);
  console.log(`  获奖记录       ${historyRows.length} rows`);

  selfCheck();
  await readBack(out);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
});
