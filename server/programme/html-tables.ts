import type { RawRow } from '../../shared/import/types.ts';

/**
 * The tables of mammoth's HTML as rows of cells. Merged cells are expanded the way the document
 * reads: a colspan fills the row with empty cells, a rowspan leaves the rows under it empty in
 * that column (so a time range printed once over three rows covers them, as the importer expects).
 * Paragraphs inside a cell become lines, so bullet lists stay one item per line.
 */
export function htmlTables(html: string): RawRow[][] {
  const tables: RawRow[][] = [];
  for (const t of topLevel(html, 'table')) {
    const rows: RawRow[] = [];
    const carry: number[] = [];
    topLevel(t, 'tr').forEach((tr, rowIndex) => {
      const cells: string[] = [];
      let col = 0;
      const skipCarried = () => {
        while ((carry[col] ?? 0) > 0) {
          carry[col] = (carry[col] ?? 0) - 1;
          cells.push('');
          col += 1;
        }
      };
      for (const td of cellsOf(tr)) {
        skipCarried();
        cells.push(cellText(td.inner));
        for (let k = 1; k < td.colspan; k++) cells.push('');
        for (let k = 0; k < td.colspan; k++) if (td.rowspan > 1) carry[col + k] = td.rowspan - 1;
        col += td.colspan;
      }
      skipCarried();
      rows.push({ line: rowIndex + 1, cells });
    });
    tables.push(rows);
  }
  return tables;
}

/** Contents of the outermost <tag>…</tag> elements (tables may nest). */
function topLevel(html: string, tag: string): string[] {
  const out: string[] = [];
  const re = new RegExp(`<(/?)${tag}\\b[^>]*>`, 'gi');
  let depth = 0;
  let start = -1;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    if (m[1] === '') {
      if (depth === 0) start = m.index + m[0].length;
      depth += 1;
    } else if (depth > 0) {
      depth -= 1;
      if (depth === 0) out.push(html.slice(start, m.index));
    }
  }
  return out;
}

function cellsOf(tr: string): { inner: string; colspan: number; rowspan: number }[] {
  const out: { inner: string; colspan: number; rowspan: number }[] = [];
  const re = /<(td|th)\b([^>]*)>([\s\S]*?)<\/\1>/gi;
  for (let m = re.exec(tr); m; m = re.exec(tr)) {
    const attr = m[2] ?? '';
    const num = (name: string) => Math.max(1, Math.min(50, Number(new RegExp(`${name}="?(\\d+)`, 'i').exec(attr)?.[1] ?? 1)));
    out.push({ inner: m[3] ?? '', colspan: num('colspan'), rowspan: num('rowspan') });
  }
  return out;
}

function cellText(inner: string): string {
  return inner
    .replace(/<li\b[^>]*>/gi, '\n- ')
    .replace(/<\/(p|li|h\d)>/gi, '\n')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<(?!\/?(?:i|em|b|strong)\b)[^>]+>/gi, '')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .join('\n');
}
