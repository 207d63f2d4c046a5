import type { Deduction } from './deductions';
import { STATUS_WORDS } from './labels';
import { roundHalfAway } from './numbers';
import { evidenceText } from './sheets';
import { normalisedWeights } from './scheme';
import type { PersonResult, SelectionResult } from './select';
import { normalizeKey } from './text';
import type { Lang } from './types';

export type PersonLookup =
  | { kind: 'found'; person: PersonResult }
  | { kind: 'unknown' }
  | { kind: 'ambiguous'; ids: string[] };

/**
 * The person a cell names: an id first, else a name (compared as §1 compares names).
 *
 * @example findPerson(result, 'H0101') // => { kind: 'found', person: … }
 */
export function findPerson(result: SelectionResult, who: unknown): PersonLookup {
  const key = normalizeKey(who);
  if (key === '') return { kind: 'unknown' };
  const byId = result.people.find((p) => p.member.key === key);
  if (byId) return { kind: 'found', person: byId };
  const byName = result.people.filter((p) => normalizeKey(p.member.name) === key);
  if (byName.length === 1) return { kind: 'found', person: byName[0] as PersonResult };
  if (byName.length === 0) return { kind: 'unknown' };
  return { kind: 'ambiguous', ids: byName.map((p) => p.member.id) };
}

const n = (x: number) => String(roundHalfAway(x, 2));

/** How the score was reached, e.g. `100 − 3 − 2 + 1 = 96` or `0.8×97 + 0.2×98 + 1 = 98.2`. */
function scoreLine(p: PersonResult, r: SelectionResult, lang: Lang): string {
  const parameters = r.scheme.parameters;
  const base = parameters.baseScore;
  const weights = normalisedWeights(parameters);
  const praise = p.praiseBonus > 0 ? ` + ${n(p.praiseBonus)}` : '';
  const formula = weights
    ? `${n(weights.onsite)}×${n(Math.max(0, base - p.onsitePoints))} + ${n(weights.offsite)}×${n(Math.max(0, base - p.offsitePoints))}${praise}`
    : `${base}${p.onsitePoints + p.offsitePoints > 0 ? ` − ${n(p.onsitePoints + p.offsitePoints)}` : ''}${praise}`;
  return lang === 'zh' ? `得分 ${n(p.score)} = ${formula}` : `score ${n(p.score)} = ${formula}`;
}

/**
 * The steps of a person's explanation, one fact each: the score formula, each violation and
 * praise with its source row, each veto, each month's deduction, the status.
 *
 * @example explanationLines(p, r, 'zh')[0] // => '得分 98 = 100 − 2'
 */
export function explanationLines(p: PersonResult, r: SelectionResult, lang: Lang): string[] {
  const zh = lang === 'zh';
  const parts: string[] = [scoreLine(p, r, lang)];
  for (const v of p.violations) {
    const kind = zh ? (v.kind === 'onsite' ? '现场' : '非现场') : v.kind === 'onsite' ? 'on-site' : 'off-site';
    const item = v.item ? ` ${v.item}` : '';
    parts.push(zh ? `扣${n(v.points)}分：${evidenceText(v, lang)}${item}（${kind}）` : `−${n(v.points)}: ${evidenceText(v, lang)}${item} (${kind})`);
  }
  for (const pr of p.praise) {
    const source = pr.sourceText ? ` ${pr.sourceText}` : '';
    parts.push(zh ? `表扬 +${n(pr.points)}：${evidenceText(pr.source, lang)}${source}` : `praise +${n(pr.points)}: ${evidenceText(pr.source, lang)}${source}`);
  }
  if (p.praise.length > 0 && p.praiseBonus < p.praise.reduce((s, x) => s + x.points, 0)) {
    parts.push(zh ? `表扬加分以 ${r.scheme.parameters.praiseCap} 分为限` : `praise capped at ${r.scheme.parameters.praiseCap}`);
  }
  for (const veto of p.vetoes) {
    const where = veto.evidence.slice(0, 5).map((e) => evidenceText(e, lang)).join(zh ? '、' : ', ');
    parts.push(zh ? `否决：${veto.reason.zh}（${where}）` : `veto: ${veto.reason.en} (${where})`);
  }
  for (const d of r.deductions.filter((x: Deduction) => x.member === p.member)) {
    parts.push(zh
      ? `${d.month} 扣款 ${n(d.totalYuan)} 元（违规 ${d.violations} 次 ${n(d.violationYuan)} 元，投诉/罚款 ${d.complaints} 件 ${n(d.complaintYuan)} 元）`
      : `${d.month}: ${n(d.totalYuan)} yuan (${d.violations} violations ${n(d.violationYuan)}, ${d.complaints} fines ${n(d.complaintYuan)})`);
  }
  parts.push(zh ? `状态：${STATUS_WORDS[p.status].zh}` : `status: ${STATUS_WORDS[p.status].en}`);
  return parts;
}

/**
 * A short text that traces a person's score, vetoes and money to their source rows, e.g.
 * `得分 98 = 100 − 2。扣2分：督导检查记录 第14行 2026-07-05 未使用服务用语（现场）。…`
 */
export function explainPerson(p: PersonResult, r: SelectionResult, lang: Lang): string {
  const zh = lang === 'zh';
  return explanationLines(p, r, lang).join(zh ? '。' : '. ') + (zh ? '。' : '.');
}
