export const vi = {
  'warning.range_duration_mismatch':
    'Khung giờ {start}–{end} là {rangeMin} phút nhưng thời lượng ghi {durationMin} phút',
  'warning.range_spans_rows':
    'Khung giờ {start}–{end} ({rangeMin} phút) bao gồm cả {rows} dòng không ghi giờ phía sau ({durationMin} phút cộng lại)',
  'warning.overlap': 'Bắt đầu lúc {start}, trước khi tiết mục trước kết thúc ({prevEnd})',
  'warning.fixed_unreachable':
    'Giờ cố định {start} không kịp: các tiết mục trước kết thúc lúc {prevEnd}',
  'warning.no_start_time': 'Tiết mục đầu tiên của ngày không có giờ bắt đầu',
  'warning.end_before_start': 'Giờ kết thúc {end} không sau giờ bắt đầu {start}',
};

export const en: Record<keyof typeof vi, string> = {
  'warning.range_duration_mismatch': 'The time range {start}–{end} is {rangeMin} min but the duration says {durationMin} min',
  'warning.range_spans_rows':
    'The time range {start}–{end} ({rangeMin} min) also covers the {rows} untimed row(s) after it ({durationMin} min together)',
  'warning.overlap': 'Starts at {start}, before the previous segment ends ({prevEnd})',
  'warning.fixed_unreachable': 'The fixed time {start} cannot be met: the segments before it end at {prevEnd}',
  'warning.no_start_time': 'The first segment of the day has no start time',
  'warning.end_before_start': 'The end time {end} is not after the start time {start}',
};
