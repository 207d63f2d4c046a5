import { Button, Field, Input, Select } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { findPreset, KEY_PARAMETERS, parameterText, parseParameter, resolveScheme, type KeyParameter, type SchemeParameters } from '../../../engine/scheme';
import { STRINGS } from '../../strings';
import type { ViewProps } from '../props';
import { schemeOf } from './Sources';

/** The key parameters in the groups a clerk thinks in; every key parameter is in one. */
const GROUPS: { title: { zh: string; en: string }; keys: (keyof SchemeParameters)[] }[] = [
  { title: { zh: '得分', en: 'Score' }, keys: ['baseScore', 'violationPoints'] },
  { title: { zh: '一票否决', en: 'Vetoes' }, keys: ['vetoTypes', 'annualPointLimit', 'minSatisfaction', 'minEvaluationRate', 'minTenureYears'] },
  { title: { zh: '获奖名额', en: 'Places' }, keys: ['candidates', 'winnersPerDepartment', 'topN', 'maxPerDepartment', 'departmentAwards'] },
  { title: { zh: '奖金与扣款', en: 'Money' }, keys: ['starAwardYuan', 'windowAwardYuan', 'yuanPerViolation', 'yuanPerPoint'] },
];

/** A parameter's problem by the engine's own check, in the clerk's words (the label, not the key). */
export function parameterProblem(scheme: string, p: KeyParameter, overrides: Readonly<Record<string, unknown>>, lang: 'zh' | 'en'): string | null {
  if (!(p.key in overrides)) return null;
  const problem = resolveScheme(scheme, { [p.key]: overrides[p.key] }).problems[0];
  return problem ? problem.detail[lang].replace(/^[^：:]*[：:]\s*/u, '') : null;
}

/** The parameters the engine refuses, each as the clerk reads it: its label, then what is wrong. */
export function wrongParameters(scheme: string, overrides: Readonly<Record<string, unknown>>, lang: 'zh' | 'en'): { label: string; why: string }[] {
  return KEY_PARAMETERS.flatMap((p) => {
    const why = parameterProblem(scheme, p, overrides, lang);
    return why === null ? [] : [{ label: p.label[lang], why }];
  });
}

/** Step 3: the key parameters, each empty for the scheme's default (shown beside it), checked as typed. */
export function RulesView({ state, dispatch }: ViewProps): ReactNode {
  const s = STRINGS[state.lang];
  const lang = state.lang;
  const scheme = schemeOf({ state });
  const preset = findPreset(scheme);
  const overrides = state.choices.overrides ?? {};
  return (
    <>
      <h3 id="params-title">{s.paramsTitle}</h3>
      <div id="params">
        {GROUPS.map((g) => (
          <fieldset key={g.title.en} className="group">
            <legend>{g.title[lang]}</legend>
            {g.keys.map((key) => {
              const p = KEY_PARAMETERS.find((k) => k.key === key) as KeyParameter;
              const fallback = preset ? parameterText(p, preset.parameters[p.key]) : '';
              const why = parameterProblem(scheme, p, overrides, lang);
              const hint = s.defaultIs(p.kind === 'candidates' ? s.candidates[fallback] ?? fallback : fallback);
              const overridden = p.key in overrides;
              return (
                <Field key={key} label={p.label[lang]} validationState={why ? 'error' : 'none'} validationMessage={why ?? hint}
                  validationMessageIcon={why ? undefined : null}>
                  {p.kind === 'candidates' ? (
                    <Select id={`param-${key}`} data-param={key} className={why ? 'invalid' : undefined} value={overridden ? String(overrides[key]) : fallback}
                      onChange={(_, d) => dispatch({ type: 'parameter', key, text: d.value, value: d.value === fallback ? undefined : d.value })}>
                      {Object.entries(s.candidates).map(([k, v]) => <option key={k} value={k}>{v}</option>)}
                    </Select>
                  ) : (
                    <Input id={`param-${key}`} data-param={key} autoComplete="off" input={{ className: why ? 'invalid' : undefined }}
                      value={state.paramText[key] ?? (overridden ? parameterText(p, overrides[key]) : '')}
                      onChange={(e) => {
                        const text = e.currentTarget.value.trim();
                        dispatch({ type: 'parameter', key, text: e.currentTarget.value, value: text === '' ? undefined : parseParameter(key, text) });
                      }} />
                  )}
                </Field>
              );
            })}
          </fieldset>
        ))}
      </div>
      <Button id="reset-params" onClick={() => dispatch({ type: 'resetParameters' })}>{s.resetParams}</Button>
    </>
  );
}
