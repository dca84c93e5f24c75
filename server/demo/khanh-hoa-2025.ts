import type { ProgrammeInput, SegmentInput } from '../../shared/model/programme.schema.ts';

/**
 * The appendix "DỰ KIẾN CHƯƠNG TRÌNH" of the Khánh Hòa 2025 plan, row by row, as printed.
 * Contradictions in the document (a 15:00–16:10 row of 60 minutes, a 19:00–20:30 range over a
 * 60-minute row and an untimed 30-minute row, an 18:00–18:40 block over rows of 15, 15 and 10)
 * are kept as written; the programme warnings report them.
 */
const MAIN = 'main';
const VHTTDL = 'Sở Văn hóa, Thể thao và Du lịch';
const KHCN_PUBLIC = 'Sở Khoa học và Công nghệ; Người dân và du khách trên địa bàn tỉnh';

type Row = Omit<SegmentInput, 'dayId' | 'stageId' | 'fixedStart' | 'plannedStart' | 'plannedEnd'> & {
  at?: [string, string];
};

function rows(dayId: string, list: Row[]): SegmentInput[] {
  return list.map(({ at, ...r }) => ({
    ...r,
    dayId,
    stageId: MAIN,
    plannedStart: at?.[0] ?? null,
    plannedEnd: at?.[1] ?? null,
    fixedStart: at !== undefined,
  }));
}

export const khanhHoa2025: ProgrammeInput = {
  event: {
    title: 'Ngày Hội công nghệ số tỉnh Khánh Hòa năm 2025',
    theme: 'Chuyển đổi số toàn dân, toàn diện, toàn trình để tăng tốc, bứt phá phát triển kinh tế số',
    venue: 'Quảng trường 2/4, đường Trần Phú, Nha Trang, tỉnh Khánh Hòa',
    timeZone: 'Asia/Ho_Chi_Minh',
    days: [
      { id: 'd1', date: '2025-07-11', label: 'Ngày thứ 1' },
      { id: 'd2', date: '2025-07-12', label: 'Ngày thứ 2' },
    ],
    stages: [{ id: MAIN, name: 'Sân khấu chính', venue: 'Quảng trường 2/4, Nha Trang' }],
  },
  segments: [
    ...rows('d1', [
      {
        id: 'd1-vr-games',
        at: ['08:30', '10:30'],
        durationMin: 120,
        section: 'Buổi sáng',
        kind: 'other',
        title: 'Tổ chức hoạt động trò chơi thực tế ảo VR, AR, 3D; trao quà cho người chiến thắng',
        performer: 'Người dân, du khách và các doanh nghiệp',
      },
      {
        id: 'd1-golden-bell',
        at: ['15:00', '16:10'],
        durationMin: 60,
        section: 'Buổi chiều',
        kind: 'quiz',
        title:
          'Tổ chức cuộc thi rung chuông vàng (Các kiến thức cơ bản về chuyển đổi số, vai trò, lợi ích và xu hướng phát triển của chuyển đổi số)',
        performer:
          'Đại diện các đơn vị, doanh nghiệp tham gia gian hàng tại Ngày hội (dự kiến mỗi đơn vị 02 người); Số lượng: Dự kiến 100 thí sinh tham gia (số lượng có thể điều chỉnh tùy theo điều kiện thực tế)',
      },
      {
        id: 'd1-quiz-awards',
        at: ['16:10', '16:20'],
        durationMin: 10,
        section: 'Buổi chiều',
        kind: 'award',
        title: 'Trao giải cho cuộc thi',
        performer: 'Giám đốc Sở Khoa học và Công nghệ',
      },
      {
        id: 'd1-welcome-music',
        at: ['17:00', '17:15'],
        durationMin: 15,
        section: 'KHAI MẠC NGÀY HỘI',
        kind: 'performance',
        title: 'Ca nhạc, chào mừng Ngày Hội',
        performer: VHTTDL,
      },
      {
        id: 'd1-guests',
        at: ['17:15', '17:20'],
        durationMin: 5,
        section: 'KHAI MẠC NGÀY HỘI',
        kind: 'ceremony',
        title: 'Tuyên bố lý do, giới thiệu đại biểu',
        performer: 'MC',
      },
      {
        id: 'd1-opening-speech',
        at: ['17:20', '17:30'],
        durationMin: 10,
        section: 'KHAI MẠC NGÀY HỘI',
        kind: 'speech',
        title: 'Phát biểu khai mạc',
        performer: 'Lãnh đạo UBND tỉnh',
      },
      {
        id: 'd1-ribbon',
        at: ['17:30', '17:40'],
        durationMin: 10,
        section: 'KHAI MẠC NGÀY HỘI',
        kind: 'opening',
        title: 'Cắt băng/bấm nút khai mạc',
        performer: 'Lãnh đạo UBND tỉnh và lãnh đạo một số sở, ban, ngành liên quan',
      },
      {
        id: 'd1-campaign',
        at: ['17:40', '17:50'],
        durationMin: 10,
        section: 'KHAI MẠC NGÀY HỘI',
        kind: 'ceremony',
        title: 'Lễ phát động Phong trào “Bình dân học vụ số” trên địa bàn tỉnh Khánh Hòa',
        performer: 'Lãnh đạo UBND tỉnh',
      },
      {
        id: 'd1-intro',
        at: ['17:50', '18:20'],
        durationMin: 30,
        section: 'KHAI MẠC NGÀY HỘI',
        kind: 'speech',
        title: 'Giới thiệu sơ lược các hoạt động diễn ra tại Ngày hội công nghệ số; giới thiệu các gian hàng hiện tham gia',
        performer: 'MC',
      },
      {
        id: 'd1-booth-tour',
        at: ['18:20', '18:50'],
        durationMin: 30,
        section: 'KHAI MẠC NGÀY HỘI',
        kind: 'tour',
        title: 'Tham quan gian hàng',
        performer: 'Lãnh đạo UBND tỉnh; các Sở, ban, ngành, địa phương; người dân và du khách trên địa bàn tỉnh',
      },
      {
        id: 'd1-skits',
        at: ['19:00', '20:30'],
        durationMin: 60,
        section: 'KHAI MẠC NGÀY HỘI',
        kind: 'skit',
        title: 'Biểu diễn các tiểu phẩm tình huống về chuyển đổi số',
        performer: VHTTDL,
      },
      {
        id: 'd1-public-quiz',
        durationMin: 30,
        section: 'KHAI MẠC NGÀY HỘI',
        kind: 'quiz',
        title: 'Các hoạt động đố vui, có thưởng dành cho người dân tham gia sự kiện',
        performer: KHCN_PUBLIC,
      },
    ]),
    ...rows('d2', [
      {
        id: 'd2-workshop',
        at: ['08:00', '10:00'],
        durationMin: 120,
        section: 'Buổi sáng',
        kind: 'workshop',
        title:
          'Hội thảo chuyên đề (nội dung về chuyển đổi số trong các lĩnh vực dịch vụ, du lịch, y tế, nông nghiệp, kinh tế biển, logistics, ...)',
        performer: 'Khách mời; đại diện các gian hàng',
        notes:
          'Bao gồm: báo cáo về tình hình ứng dụng công nghệ số theo chuyên đề; tham luận của các chuyên gia về các giải pháp công nghệ số mới; thảo luận, trao đổi kinh nghiệm.',
      },
      {
        id: 'd2-public-quiz',
        at: ['15:00', '16:00'],
        durationMin: 60,
        section: 'Buổi chiều',
        kind: 'quiz',
        title: 'Các hoạt động đố vui, có thưởng dành cho người dân tham gia sự kiện',
        performer: KHCN_PUBLIC,
      },
      {
        id: 'd2-closing-music',
        at: ['18:00', '18:40'],
        durationMin: 15,
        section: 'BẾ MẠC NGÀY HỘI',
        kind: 'performance',
        title: 'Hoạt động văn nghệ',
        performer: VHTTDL,
      },
      {
        id: 'd2-awards',
        durationMin: 15,
        section: 'BẾ MẠC NGÀY HỘI',
        kind: 'award',
        title: 'Tặng bằng khen của UBND tỉnh cho các đơn vị, cá nhân có thành tích xuất sắc tham gia Ngày Hội',
        performer: 'Lãnh đạo tỉnh',
      },
      {
        id: 'd2-closing',
        durationMin: 10,
        section: 'BẾ MẠC NGÀY HỘI',
        kind: 'closing',
        title: 'Tuyên bố bế mạc',
        performer: 'MC',
      },
    ]),
  ],
};
