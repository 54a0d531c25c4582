import { describe, expect, it } from 'vitest';
import { datetimeNow, timedelta } from '../src/datetime.js';

describe('datetime (Python str of datetime.now() and timedelta)', () => {
  it('prints local time as Python does, microseconds from the milliseconds a Date knows', () => {
    expect(datetimeNow(new Date(2026, 0, 5, 9, 7, 3, 45))).toBe('2026-01-05 09:07:03.045000');
    expect(datetimeNow(new Date(2026, 11, 31, 23, 59, 59, 999))).toBe('2026-12-31 23:59:59.999000');
  });

  it('leaves the fraction out when it is exactly zero, as Python does', () => {
    expect(datetimeNow(new Date(2026, 6, 14, 0, 0, 0, 0))).toBe('2026-07-14 00:00:00');
  });

  it('reads the clock when given no date', () => {
    const before = Date.now();
    const text = datetimeNow();
    const after = Date.now();
    expect(text).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d{3}000)?$/);
    const [day, time] = text.split(' ');
    const [year, month, date] = (day ?? '').split('-').map(Number);
    const [hours, minutes, seconds] = (time ?? '').split(':').map(Number);
    const read = new Date(year ?? 0, (month ?? 1) - 1, date, hours, minutes, seconds).getTime();
    expect(read).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
    expect(read).toBeLessThanOrEqual(after);
  });

  it('prints durations as Python str(timedelta(seconds=s)), the fraction only when there is one', () => {
    expect(timedelta(0)).toBe('0:00:00');
    expect(timedelta(3)).toBe('0:00:03');
    expect(timedelta(1.25)).toBe('0:00:01.250000');
    expect(timedelta(61.000001)).toBe('0:01:01.000001');
    expect(timedelta(3723.5)).toBe('1:02:03.500000');
    // Rounded to the microsecond, as timedelta stores it.
    expect(timedelta(0.0000004)).toBe('0:00:00');
    expect(timedelta(2.9999996)).toBe('0:00:03');
  });
});
