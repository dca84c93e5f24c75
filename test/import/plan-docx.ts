import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, type IRunOptions } from 'docx';

// Typed as run options: TextRun also takes a string, whose legacy String#italics the checker would see.
const italicRun = (r: string): IRunOptions => ({ text: r.replace(/<\/?i>/g, ''), italics: r.startsWith('<i>') });

/**
 * A Word plan holding the appendix table the way Word keeps it: merged header cells, the closing
 * block's time printed once in a cell merged down over its rows, bullets as separate paragraphs,
 * italics as runs, and a second (unrelated) table for the recipients list.
 */
export async function planDocx(appendix: string): Promise<Buffer> {
  const lines = appendix.split('\n');
  const rows: string[][] = [];
  for (const line of lines.slice(lines.findIndex((l) => l.startsWith('Thời gian')) + 1)) {
    const cells = line.split('\t');
    if (cells[0] === 'Thời gian' || line.trim() === '') continue;
    const filled = cells.filter((c) => c.trim() !== '');
    if (filled.length === 1 && cells[3]?.trim() && rows.length > 0) {
      // The page break of the text copy: in Word it is one cell.
      const prev = rows[rows.length - 1]!;
      prev[3] = `${prev[3]} ${cells[3].trim()}`;
      continue;
    }
    rows.push(cells);
  }
  const para = (text: string) => {
    const runs = text.split(/(<i>.*?<\/i>)/).filter((s) => s !== '');
    return new Paragraph({ children: runs.map((r) => new TextRun(italicRun(r))) });
  };
  const paragraphs = (text: string) =>
    text.trim().startsWith('- ')
      ? text
          .trim()
          .slice(2)
          .split(/ - /)
          .map((item) => para(`- ${item}`))
      : [para(text)];
  const cell = (text: string, opts: { columnSpan?: number; rowSpan?: number } = {}) => new TableCell({ children: paragraphs(text), ...opts });

  const tableRows: TableRow[] = [new TableRow({ children: ['Thời gian', 'Thời lượng (phút)', 'Nội dung', 'Thực hiện'].map((h) => cell(h)) })];
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    const filled = r.filter((c) => c.trim() !== '');
    if (filled.length === 1 && r[0]?.trim()) {
      tableRows.push(new TableRow({ children: [cell(r[0], { columnSpan: 4 })] }));
    } else if (filled.length === 2 && r[0]?.trim() && r[1]?.trim() && !r[2]?.trim()) {
      // "18 giờ 00 - 18 giờ 40 | BẾ MẠC NGÀY HỘI": the time cell merged down over the block's rows.
      let span = 1;
      while (rows[i + span] && !rows[i + span]![0]?.trim()) span++;
      tableRows.push(new TableRow({ children: [cell(r[0], { rowSpan: span }), cell(r[1], { columnSpan: 3 })] }));
      for (let k = 1; k < span; k++) {
        const sub = rows[i + k]!;
        tableRows.push(new TableRow({ children: [cell(sub[1] ?? ''), cell(sub[2] ?? ''), cell(sub[3] ?? '')] }));
      }
      i += span - 1;
    } else {
      tableRows.push(new TableRow({ children: [0, 1, 2, 3].map((k) => cell(r[k] ?? '')) }));
    }
  }
  const recipients = new Table({
    rows: [new TableRow({ children: [cell('Nơi nhận:'), cell('KT. CHỦ TỊCH')] }), new TableRow({ children: [cell('- Như trên;'), cell('Đinh Văn Thiệu')] })],
  });
  const doc = new Document({
    sections: [
      {
        children: [
          para('KẾ HOẠCH Tổ chức Ngày Hội công nghệ số tỉnh Khánh Hòa năm 2025'),
          recipients,
          para('Phụ lục'),
          para('DỰ KIẾN CHƯƠNG TRÌNH'),
          new Table({ rows: tableRows }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
