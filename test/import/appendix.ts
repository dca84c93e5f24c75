import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The Khánh Hòa plan's appendix table, copied from the plan text (the seeds folder is not in the repo). */
export const APPENDIX = readFileSync(join(import.meta.dirname, '../fixtures/import/khanh-hoa-appendix.txt'), 'utf8');
