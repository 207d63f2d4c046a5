import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, ProgressBar } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { STRINGS } from '../../strings';
import { Note } from '../components';
import type { ViewProps } from '../props';
import { resultOf } from '../state';

export const downloadName = (lang: 'zh' | 'en', period: string) => `${lang === 'zh' ? '评选结果' : 'results'}-${period}.xlsx`;

/**
 * Step 5: write into this workbook or open the results as a new workbook (inside Excel), or download
 * (standalone: a download does nothing in the Mac webview); each asks first in a
 * dialog with a button of its own, so a double click never replaces or downloads by accident.
 */
export function WriteView({ state, dispatch, actions }: ViewProps): ReactNode {
  const s = STRINGS[state.lang];
  const r = resultOf(state);
  const writing = state.busy?.stage === 'writing';
  const confirm = state.confirm;
  const close = () => dispatch({ type: 'confirm', confirm: null });
  const file = r ? downloadName(state.lang, r.period.id) : '';
  return (
    <>
      <Note id="write-intro">{state.inExcel ? s.writeIntro : s.downloadIntro}</Note>
      <div className="buttons">
        {state.inExcel && r && <Button id="write" appearance="primary" disabled={writing} onClick={actions.write}>{s.write}</Button>}
        {r && <Button id="download" appearance={state.inExcel ? 'secondary' : 'primary'} disabled={writing}
          onClick={() => dispatch({ type: 'confirm', confirm: { kind: 'download' } })}>{state.inExcel ? s.openWorkbook : s.download}</Button>}
      </div>
      {writing && <ProgressBar id="progress" value={state.busy?.share ?? undefined} max={1} aria-label={s.progress} />}
      <Dialog open={confirm !== null} modalType="alert" onOpenChange={(_, d) => { if (!d.open) close(); }}>
        <DialogSurface aria-describedby="confirm-body">
          <DialogBody>
            <DialogTitle>{confirm?.kind === 'replace' ? s.replaceTitle : state.inExcel ? s.openTitle : s.downloadTitle}</DialogTitle>
            <DialogContent id="confirm-body">
              {confirm?.kind === 'replace' ? s.replaceBody(confirm.names.join(state.lang === 'zh' ? '、' : ', '))
                : state.inExcel ? s.openBody(file) : s.downloadBody(file)}
            </DialogContent>
            <DialogActions>
              <Button id="confirm-cancel" onClick={close}>{s.cancel}</Button>
              <Button id="confirm-ok" appearance="primary" onClick={() => {
                const kind = confirm?.kind;
                close();
                // The dialog's button goes away with it: the focus goes back to the button that opened it.
                document.getElementById(kind === 'replace' ? 'write' : 'download')?.focus();
                if (kind === 'replace') actions.replace();
                else actions.download();
              }}>{confirm?.kind === 'replace' ? s.replaceConfirm : state.inExcel ? s.openConfirm : s.downloadConfirm}</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </>
  );
}
