import { applyImport, type ImportPreview } from '../../shared/import/apply.ts';
import { readRows, readText, type ImportSource } from '../../shared/import/index.ts';
import { DOCUMENT_ERRORS, type ImportNote, type RowError } from '../../shared/import/types.ts';
import type { Programme } from '../../shared/model/programme.schema.ts';
import { programmeTextProblems } from '../../shared/model/plain-text.ts';
import { ServiceError } from '../errors.ts';
import { docxRows, UnreadableFile, xlsxRows } from './file-readers.ts';
import type { ImportRequest } from './import.schema.ts';
import { checkInflatedSize, TooLarge } from './zip-size.ts';

export type ImportOutcome = { preview: ImportPreview; notes: ImportNote[] };

function fileKind(req: ImportRequest): 'docx' | 'xlsx' | 'text' {
  if (req.format === 'docx' || req.format === 'xlsx') return req.format;
  const ext = /\.(\w+)$/.exec(req.filename ?? '')?.[1]?.toLowerCase();
  return ext === 'docx' || ext === 'xlsx' ? ext : 'text';
}

async function readSource(req: ImportRequest, inflatedBytes: number): Promise<ImportSource> {
  const opts = req.followLines ? { followLines: req.followLines } : {};
  if (req.text !== undefined) return readText(req.text, req.format === 'docx' || req.format === 'xlsx' ? 'auto' : req.format, opts);
  const buffer = Buffer.from(req.base64 ?? '', 'base64');
  const kind = fileKind(req);
  try {
    if (kind === 'docx' || kind === 'xlsx') checkInflatedSize(buffer, inflatedBytes);
  } catch (e) {
    if (e instanceof TooLarge) throw new ServiceError('bad_request', `${e.message}, the limit for one import; nothing was saved`, { limit: 'inflated_size' }, 413);
    throw e;
  }
  try {
    if (kind === 'docx') return readRows(await docxRows(buffer), opts);
    if (kind === 'xlsx') return readRows(await xlsxRows(buffer), opts);
  } catch (e) {
    if (e instanceof UnreadableFile) throw unreadable([{ code: 'unreadable_file', line: 0, text: req.filename ?? '', params: { message: e.message } }]);
    throw e;
  }
  const ext = /\.(\w+)$/.exec(req.filename ?? '')?.[1]?.toLowerCase();
  const named = ext === 'csv' || ext === 'json' || ext === 'tsv' ? ext : 'auto';
  return readText(buffer.toString('utf8'), req.format === 'auto' || req.format === 'docx' || req.format === 'xlsx' ? named : req.format, opts);
}

/** The reader's errors, and what else it skipped, so no line is passed over in silence. */
function unreadable(errors: RowError[], notes: ImportNote[] = []): ServiceError {
  const first = errors[0];
  if (first && DOCUMENT_ERRORS.includes(first.code) && errors.length === 1)
    return new ServiceError('bad_request', `nothing was saved: ${first.code.replace(/_/g, ' ')}`, { errors, notes });
  const where = first && first.line > 0 ? ` (line ${first.line}: ${first.text.slice(0, 80)})` : '';
  return new ServiceError('bad_request', `${errors.length} row(s) could not be read, nothing was saved${where}`, { errors, notes });
}

/**
 * Reads and applies an import without saving; any unreadable row fails the whole import. Runs in
 * the import worker (import.runner.ts), never on the server's event loop.
 */
export async function previewImport(current: Programme, req: ImportRequest, inflatedBytes: number): Promise<ImportOutcome> {
  const source = await readSource(req, inflatedBytes);
  if (source.kind === 'table' && source.result.errors.length > 0) throw unreadable(source.result.errors, source.result.notes);
  if (req.stageId !== undefined && !current.event.stages.some((s) => s.id === req.stageId))
    throw new ServiceError('not_found', `unknown stage ${req.stageId}`);
  if (req.dayId !== undefined && !current.event.days.some((d) => d.id === req.dayId)) throw new ServiceError('not_found', `unknown day ${req.dayId}`);
  try {
    const preview = applyImport(current, source, { mode: req.mode, stageId: req.stageId, dayId: req.dayId });
    const textProblems = programmeTextProblems(preview.programme);
    if (textProblems.length > 0) throw new Error(textProblems.slice(0, 5).join('; '));
    return { preview, notes: source.kind === 'table' ? source.result.notes : [] };
  } catch (e) {
    throw new ServiceError('bad_request', `the imported programme is not valid: ${e instanceof Error ? e.message.slice(0, 300) : 'unknown'}`);
  }
}
