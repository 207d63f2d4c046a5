import type { DepartmentStatus, PersonStatus, WinnerStatus } from './select';
import type { Bilingual, Lang } from './types';
import type { VetoCode } from './vetoes';

/** The words of the result sheets, in both languages, in one place. */
export const STATUS_WORDS: Record<PersonStatus | WinnerStatus | DepartmentStatus, Bilingual> = {
  winner: { zh: '获奖', en: 'winner' },
  tie: { zh: '并列，待评选小组裁定', en: 'tie: for the committee' },
  candidate: { zh: '候选', en: 'candidate' },
  vetoed: { zh: '否决', en: 'vetoed' },
  not_recommended: { zh: '未推荐', en: 'not recommended' },
  inactive: { zh: '不在岗', en: 'inactive' },
  vacant: { zh: '空缺', en: 'vacant' },
  ranked: { zh: '参评', en: 'ranked' },
};

export const VETO_WORDS: Record<VetoCode, Bilingual> = {
  COMPLAINT: { zh: '有效投诉', en: 'valid complaint' },
  ANNUAL_LIMIT: { zh: '年度扣分超限', en: 'annual points over the limit' },
  SATISFACTION: { zh: '满意度不达标', en: 'satisfaction too low' },
  EVAL_RATE: { zh: '评价率不达标', en: 'evaluation rate too low' },
  INACTIVE: { zh: '不在岗', en: 'inactive' },
  TENURE: { zh: '窗口工龄不足', en: 'too short at the window' },
  COMMITTEE: { zh: '评选小组决定', en: 'committee decision' },
};

export const YES_NO: Record<'yes' | 'no', Bilingual> = { yes: { zh: '是', en: 'yes' }, no: { zh: '否', en: 'no' } };

export function word(text: Bilingual, lang: Lang): string {
  return text[lang];
}
