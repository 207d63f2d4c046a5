/**
 * Runs the engine on a workbook file without the command line, for tests that need the
 * SelectionResult itself (the result writer, the 1904 date system).
 */
import { runSelection, type SelectionResult } from '../../src/engine/select';
import { openFile } from '../../src/io/files';
import { collectTables } from '../../src/io/tables';

export async function selectBook(file: string, period: string, scheme?: string): Promise<SelectionResult> {
  const collected = await collectTables([await openFile(file)], {});
  const outcome = runSelection({ period, scheme, tables: collected.tables });
  if (!outcome.ok) throw new Error(outcome.errors.map((e) => `${e.code}: ${e.message.en}`).join('\n'));
  return outcome.result;
}
