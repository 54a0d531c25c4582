/**
 * Python's `str(datetime.now())`: local time `YYYY-MM-DD HH:MM:SS.ffffff`, no zone. A JavaScript
 * `Date` knows milliseconds, so the last three digits are 000; like Python, the fraction is left
 * out when it is exactly zero.
 */
export function datetimeNow(date: Date = new Date()): string {
  const pad = (value: number, width = 2) => String(value).padStart(width, '0');
  const day = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  const time = `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
  const milliseconds = date.getMilliseconds();
  return milliseconds === 0 ? `${day} ${time}` : `${day} ${time}.${pad(milliseconds, 3)}000`;
}

/** Python's `str(timedelta(seconds=s))` for a non-negative duration under a day: `0:00:03`, `0:00:01.250000`. */
export function timedelta(seconds: number): string {
  const micro = Math.round(seconds * 1e6);
  const whole = Math.floor(micro / 1e6);
  const fraction = micro % 1e6;
  const hms = `${Math.floor(whole / 3600)}:${String(Math.floor(whole / 60) % 60).padStart(2, '0')}:${String(whole % 60).padStart(2, '0')}`;
  return fraction === 0 ? hms : `${hms}.${String(fraction).padStart(6, '0')}`;
}
