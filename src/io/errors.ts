import { fileMessages, type Problem, type UnreadableReason } from '../engine/messages';
import type { Bilingual } from '../engine/types';
import { XmlError } from './xml';
import { ZipError } from './zip';

/**
 * A source that cannot be used: a missing sheet, a file that cannot be read (one line, Chinese
 * then English, naming the format and how to save it), or a CSV rejected with BAD_CSV.
 */
export class SourceError extends Error {
  private constructor(
    readonly code: 'NO_SHEET' | 'UNREADABLE' | 'BAD_CSV', readonly file: string, readonly sheet: string | null, readonly text: Bilingual,
  ) {
    super(`${text.zh} / ${text.en}`);
  }

  static noSheet(file: string, sheet: string): SourceError {
    return new SourceError('NO_SHEET', file, sheet, fileMessages.noSheet(file, sheet));
  }

  static unreadable(file: string, reason: UnreadableReason, detail = ''): SourceError {
    return new SourceError('UNREADABLE', file, null, fileMessages.unreadable(file, reason, detail));
  }

  static badCsv(problem: Problem): SourceError {
    return new SourceError('BAD_CSV', problem.sheet ?? '', null, { zh: `BAD_CSV: ${problem.message.zh}`, en: `BAD_CSV: ${problem.message.en}` });
  }
}

/** Any failure while reading a file, as the one message the user gets. */
export function asSourceError(file: string, error: unknown): SourceError {
  if (error instanceof SourceError) return error;
  if (error instanceof ZipError) return SourceError.unreadable(file, error.kind, error.detail);
  if (error instanceof XmlError) return SourceError.unreadable(file, error.doctype ? 'doctype' : 'damaged');
  return SourceError.unreadable(file, 'damaged');
}
