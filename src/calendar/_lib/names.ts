/** @internal Vietnamese names of occasions and weekdays. */
import type { Occasion } from '../types';
import { civilFromDays } from '../../_lib/civil/date';

const OCCASION_NAMES: Record<Occasion, string> = {
  tet_duong_lich: 'Tết Dương lịch',
  tet_nguyen_dan: 'Tết Nguyên đán',
  gio_to_hung_vuong: 'Giỗ Tổ Hùng Vương',
  '30_4_1_5': 'Ngày Chiến thắng và Ngày Quốc tế Lao động',
  'gio_to_hung_vuong+30_4_1_5': 'Giỗ Tổ Hùng Vương, Ngày Chiến thắng và Ngày Quốc tế Lao động',
  quoc_khanh: 'Quốc khánh',
  ngay_van_hoa_viet_nam: 'Ngày Văn hóa Việt Nam',
};

/** Vietnamese name of an occasion; 30/4 and 1/5 are named by their own day when the day is one of them. */
export function occasionName(occasion: Occasion, day?: number): string {
  if (day !== undefined && (occasion === '30_4_1_5' || occasion === 'gio_to_hung_vuong+30_4_1_5')) {
    const [, m, d] = civilFromDays(day);
    if (m === 4 && d === 30) return 'Ngày Chiến thắng';
    if (m === 5 && d === 1) return 'Ngày Quốc tế Lao động';
  }
  return OCCASION_NAMES[occasion];
}

export const WEEKDAY_EN = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;
export const WEEKDAY_VI = ['Chủ nhật', 'Thứ hai', 'Thứ ba', 'Thứ tư', 'Thứ năm', 'Thứ sáu', 'Thứ bảy'] as const;
