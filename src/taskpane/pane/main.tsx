import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import { dayFromParts } from '../../engine/dates';
import { lastFinishedQuarter } from '../../engine/period';
import { loadChoices, loadUndo } from '../settings';
import { uiLanguage } from '../strings';
import { App } from './App';
import { EngineClient, workerScript } from './engine-client';
import { connect } from './host';
import { initialState } from './state';

/** The task pane page: connects to Office (or not), then draws the wizard. */
void connect().then((host) => {
  const now = new Date();
  const today = dayFromParts(now.getFullYear(), now.getMonth() + 1, now.getDate());
  const lang = uiLanguage(host.displayLanguage, navigator.language);
  const initial = initialState(lang, host.inExcel, loadChoices(host.settings), loadUndo(host.settings), today === null ? '' : lastFinishedQuarter(today).id);
  const engine = new EngineClient(workerScript(document));
  const root = document.getElementById('root') as HTMLElement;
  createRoot(root).render(
    <FluentProvider theme={webLightTheme} className="pane">
      <App host={host} engine={engine} initial={initial} />
    </FluentProvider>,
  );
});
