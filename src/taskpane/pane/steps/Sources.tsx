import { Button, Checkbox, Field, Input, MessageBar, MessageBarBody, Radio, RadioGroup, Select, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { TABLE_NAMES, messages } from '../../../engine/messages';
import { parsePeriod } from '../../../engine/period';
import { findPreset, PRESETS } from '../../../engine/scheme';
import { STRINGS } from '../../strings';
import type { ViewProps } from '../props';
import { isCurrent, pickedSheets, TABLE_ORDER } from '../state';

export function schemeOf(props: Pick<ViewProps, 'state'>): string {
  const chosen = props.state.choices.scheme;
  return chosen && PRESETS.some((p) => p.id === chosen) ? chosen : PRESETS[0]?.id ?? '';
}

/** Step 1: the scheme and period first (the checks of step 2 use them), then where the data is. */
export function SourcesView({ state, dispatch, actions }: ViewProps): ReactNode {
  const s = STRINGS[state.lang];
  const lang = state.lang;
  const scheme = schemeOf({ state });
  const preset = findPreset(scheme);
  const period = parsePeriod(state.period);
  const badPeriod = period ? null : messages.badPeriod(state.period).detail[lang];
  const kindNote = preset && period && period.kind !== preset.period ? s.kindMismatch(s.kinds[preset.period] ?? preset.period, s.kinds[period.kind] ?? period.kind) : null;
  const picked = pickedSheets(state);
  const result = isCurrent(state) && state.outcome?.ok ? state.outcome.result : null;
  // A period none of the records falls in is most likely a wrong period: say so before step 2.
  const records = result?.inputs.filter((i) => i.table !== 'staff' && i.table !== 'history') ?? [];
  const noRecords = result !== null && records.length > 0 && records.every((i) => i.used === 0);
  return (
    <>
      {state.remembered && (
        <Checkbox id="reuse" checked={state.reusing} label={s.reuse}
          onChange={(_, d) => dispatch({ type: 'reuse', reuse: d.checked === true })} />
      )}
      <h3>{s.schemeAndPeriod}</h3>
      <Field label={s.scheme}>
        <Select id="scheme" value={scheme} onChange={(_, d) => dispatch({ type: 'scheme', scheme: d.value })}>
          {PRESETS.map((p) => <option key={p.id} value={p.id}>{`${p.name[lang]} (${p.id})`}</option>)}
        </Select>
      </Field>
      <Field label={s.period} validationState={badPeriod ? 'error' : kindNote ? 'warning' : 'none'}
        validationMessage={badPeriod ?? kindNote ?? (preset ? s.periodHint(s.kinds[preset.period] ?? preset.period) : undefined)}>
        <Input id="period" defaultValue={state.period} autoComplete="off"
          onBlur={(e) => { if (e.currentTarget.value.trim() !== state.period) dispatch({ type: 'period', period: e.currentTarget.value }); }}
          onKeyDown={(e) => { if (e.key === 'Enter') dispatch({ type: 'period', period: e.currentTarget.value }); }} />
      </Field>
      {noRecords && <MessageBar intent="warning"><MessageBarBody>{s.noRecords(state.period)}</MessageBarBody></MessageBar>}
      {state.inExcel && (
        <Field label={s.source}>
          <RadioGroup id="source" name="source" value={state.source} onChange={(_, d) => {
            const source = d.value === 'files' ? 'files' : 'workbook';
            dispatch({ type: 'source', source });
            if (source === 'workbook') actions.readWorkbook();
          }}>
            <Radio value="workbook" label={{ children: s.sourceWorkbook, id: 'source-workbook' }} />
            <Radio value="files" label={{ children: s.sourceFiles, id: 'source-files' }} />
          </RadioGroup>
        </Field>
      )}
      {state.source === 'files' ? (
        <div id="files-box">
          <label htmlFor="files" id="files-label" className="field-label">{s.files}</label>
          <input type="file" id="files" className="files" accept=".xlsx,.xlsm,.xls,.et,.ods,.csv" multiple
            onChange={(e) => actions.readFiles([...(e.currentTarget.files ?? [])])} />
        </div>
      ) : <Button id="reload" onClick={actions.readWorkbook}>{s.reload}</Button>}
      {state.loaded.length > 0 && (
        <div id="tables-box">
          <h3 id="tables-title">{s.tablesTitle}</h3>
          <div id="tables">
            <Table size="small" aria-label={s.tablesTitle} className="mapping">
              <TableHeader><TableRow>{s.tableHeaders.map((h) => <TableHeaderCell key={h}>{h}</TableHeaderCell>)}</TableRow></TableHeader>
              <TableBody>
                {TABLE_ORDER.map((table) => (
                  <TableRow key={table}>
                    <TableCell><label htmlFor={`pick-${table}`}>{TABLE_NAMES[table][lang] + (table === 'staff' ? ` (${s.required})` : '')}</label></TableCell>
                    <TableCell>
                      <Select id={`pick-${table}`} data-table={table} value={picked[table]?.sheets[0]?.label ?? ''}
                        onChange={(_, d) => dispatch({ type: 'sheet', table, label: d.value === '' ? null : d.value })}>
                        <option value="">{s.notUsed}</option>
                        {state.loaded.map((sh) => <option key={sh.label} value={sh.label}>{sh.label}</option>)}
                      </Select>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        </div>
      )}
    </>
  );
}
