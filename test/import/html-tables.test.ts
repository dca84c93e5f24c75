import { describe, expect, it } from 'vitest';
import { htmlTables } from '../../server/programme/html-tables.ts';

describe('tables of a .docx (mammoth HTML)', () => {
  it('expands merged cells the way the document reads, keeps paragraphs as lines and nested tables apart', () => {
    const html =
      '<p>Phụ lục</p><table><tr><td><p>Thời gian</p></td><td><p>Nội dung</p></td><td><p>Thực hiện</p></td></tr>' +
      '<tr><td colspan="3"><p>BUỔI SÁNG</p></td></tr>' +
      '<tr><td rowspan="2"><p>8h00 - 8h40</p></td><td><p>Văn nghệ</p></td><td><p>- Đoàn A</p><p>- Đoàn B</p></td></tr>' +
      '<tr><td><p><strong>Phát biểu</strong></p></td><td><p>Lãnh đạo &amp; khách mời</p></td></tr></table>' +
      '<table><tr><td><p>Nơi nhận:</p><table><tr><td>lồng</td></tr></table></td></tr></table>';
    const [programme, other] = htmlTables(html);
    expect(programme?.map((r) => r.cells)).toEqual([
      ['Thời gian', 'Nội dung', 'Thực hiện'],
      ['BUỔI SÁNG', '', ''],
      ['8h00 - 8h40', 'Văn nghệ', '- Đoàn A\n- Đoàn B'],
      ['', '<strong>Phát biểu</strong>', 'Lãnh đạo &amp; khách mời'],
    ]);
    expect(programme?.map((r) => r.line)).toEqual([1, 2, 3, 4]);
    expect(other).toHaveLength(1);
  });
});
