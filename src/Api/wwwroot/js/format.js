// Numbers, dates and durations as the page shows them (UTC, en-US digits).

const price = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const count = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const ratio = new Intl.NumberFormat('en-US', { minimumFractionDigits: 3, maximumFractionDigits: 3 });

export const fmt = {
  price: (v) => (v == null || !Number.isFinite(v) ? '–' : price.format(v)),
  count: (v) => (v == null ? '–' : count.format(v)),
  ratio: (v) => (v == null || !Number.isFinite(v) ? '–' : ratio.format(v)),
  percent: (v) => (v == null || !Number.isFinite(v) ? '–' : `${(v * 100).toFixed(1)} %`),
  band: (i) => (i ? `${price.format(i.lower)} – ${price.format(i.upper)}` : '–'),
  time: (iso) => (iso ? `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC` : '–'),
  seconds: (s) => {
    if (s == null) {
      return '–';
    }
    const abs = Math.abs(s);
    const text = abs < 120 ? `${abs.toFixed(0)} s`
      : abs < 7200 ? `${(abs / 60).toFixed(0)} min`
      : abs < 172800 ? `${(abs / 3600).toFixed(1)} h`
      : `${count.format(abs / 86400)} days`;
    return s < 0 ? `${text} ahead` : text;
  },
};

// A date "YYYY-MM-DD" as unix seconds at UTC midnight, and back.
export const day = {
  seconds: (date) => Date.parse(`${date}T00:00:00Z`) / 1000,
  of: (seconds) => new Date(seconds * 1000).toISOString().slice(0, 10),
  add: (date, days) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86400000).toISOString().slice(0, 10),
  between: (from, to) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86400000),
};

// The interval at a level (0.8, 0.95) of a forecast or nowcast.
export function interval(item, level) {
  return item?.intervals?.find((i) => Math.abs(i.level - level) < 1e-9) ?? null;
}
