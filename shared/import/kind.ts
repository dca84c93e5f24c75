import type { SegmentKind } from '../model/programme.schema.ts';

/**
 * A first guess of a segment's kind from its title, so the MC console can colour it; the organiser
 * can change it. Order matters: "Phát biểu khai mạc" is a speech, "Trao giải cho cuộc thi" an award.
 */
const RULES: [SegmentKind, string[]][] = [
  ['award', ['trao giải', 'trao thưởng', 'bằng khen', 'khen thưởng', 'vinh danh', 'award', 'awards', 'prize', 'prizes', 'prize-giving']],
  ['speech', ['phát biểu', 'diễn văn', 'giới thiệu sơ lược', 'keynote', 'speech', 'address', 'remarks', 'talk']],
  ['closing', ['bế mạc', 'closing', 'close of', 'wrap-up']],
  ['opening', ['khai mạc', 'cắt băng', 'bấm nút', 'opening', 'ribbon']],
  ['ceremony', ['tuyên bố lý do', 'giới thiệu đại biểu', 'lễ', 'nghi thức', 'chào cờ', 'phát động', 'ký kết', 'ceremony', 'launch', 'signing']],
  ['quiz', ['cuộc thi', 'đố vui', 'rung chuông vàng', 'hỏi đáp', 'quiz', 'contest', 'competition', 'trivia']],
  ['skit', ['tiểu phẩm', 'kịch', 'skit', 'sketch', 'drama']],
  ['performance', ['ca nhạc', 'văn nghệ', 'biểu diễn', 'múa', 'hát', 'hòa tấu', 'performance', 'music', 'concert', 'dance', 'band', 'show']],
  ['tour', ['tham quan', 'tour', 'visit']],
  ['workshop', ['hội thảo', 'tọa đàm', 'diễn đàn', 'tập huấn', 'workshop', 'seminar', 'panel', 'forum', 'training']],
  ['break', ['giải lao', 'nghỉ trưa', 'ăn trưa', 'tiệc', 'break', 'lunch', 'coffee', 'dinner', 'tea']],
];

const compiled = RULES.map(
  ([kind, words]) =>
    [kind, new RegExp(`(?<![\\p{L}\\p{N}])(?:${words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})(?![\\p{L}\\p{N}])`, 'iu')] as const,
);

export function guessKind(title: string): SegmentKind {
  const t = title.normalize('NFC');
  for (const [kind, re] of compiled) if (re.test(t)) return kind;
  return 'other';
}
