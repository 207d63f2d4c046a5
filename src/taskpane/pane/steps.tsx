import type { ReactNode } from 'react';
import type { StepId } from '../strings';
import type { ViewProps } from './props';
import { hasStaff, isCurrent, resultOf, type State } from './state';
import { ColumnsView } from './steps/Columns';
import { PreviewView } from './steps/Preview';
import { RulesView } from './steps/Rules';
import { SourcesView } from './steps/Sources';
import { WriteView } from './steps/Write';

/** One step of the wizard: a new step (or a step's new table) is one entry here and its view. */
export interface Step {
  id: StepId;
  /** Whether the user can go to this step now; each step needs the ones before it done. */
  canEnter(state: State): boolean;
  View: (props: ViewProps) => ReactNode;
}

/** The preview can be entered while the run is still computing, not once it is known to fail. */
const computable = (state: State): boolean => hasStaff(state) && !(isCurrent(state) && state.outcome?.ok === false);

export const STEP_LIST: readonly Step[] = [
  { id: 'sources', canEnter: () => true, View: SourcesView },
  { id: 'columns', canEnter: hasStaff, View: ColumnsView },
  { id: 'rules', canEnter: hasStaff, View: RulesView },
  { id: 'preview', canEnter: computable, View: PreviewView },
  { id: 'write', canEnter: (state) => resultOf(state) !== null, View: WriteView },
];
