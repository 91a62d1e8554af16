// The chart: daily mean closes (each day drawn at its UTC noon; the open day's mean so far dashed, apart from the
// closed days), the next-day forecast as a fan from the last closed day with its 80 %/95 % bands, and the open day's nowcasts as a trail through the day (at the time of their newest
// tick) whose bands narrow as the day fills, the newest one marked with whiskers. uPlot draws it.

import { day, fmt, interval } from './format.js';

const DAY = 86400;
const NOON = 43200;
const COLORS = {
  mean: '#2563eb',
  forecast: '#d97706',
  forecastBand: ['rgba(217,119,6,0.14)', 'rgba(217,119,6,0.24)'],
  nowcast: '#059669',
  nowcastBand: ['rgba(5,150,105,0.12)', 'rgba(5,150,105,0.24)'],
};

// Column of each series in the aligned data (0 is x).
const C = { mean: 1, open: 2, f: 3, f80lo: 4, f80hi: 5, f95lo: 6, f95hi: 7, n: 8, n80lo: 9, n80hi: 10, n95lo: 11, n95hi: 12 };
const COLUMNS = 12;

export class DayChart {
  constructor(element, hover, onRange) {
    this.el = element;
    this.hover = hover;
    this.onRange = onRange;
    this.days = [];
    this.forecast = null;
    this.trail = [];
    this.rangeDays = 90;
    this.plot = null;
    this.rows = [];
    this.applying = false;
    new ResizeObserver(() => this.plot?.setSize(this.size())).observe(element);
  }

  setDays(days) {
    this.days = days;
    this.render();
  }

  setForecast(forecast) {
    this.forecast = forecast;
    this.render();
  }

  // Keeps the nowcasts of the open day seen while the page is open; a new day starts a new trail.
  setNowcast(nowcast) {
    if (!nowcast) {
      this.trail = [];
    } else {
      if (this.trail.length > 0 && this.trail[0].date !== nowcast.date) {
        this.trail = [];
      }
      const last = this.trail[this.trail.length - 1];
      if (last && last.asOf === nowcast.asOf) {
        this.trail[this.trail.length - 1] = nowcast;
      } else if (!last || last.asOf < nowcast.asOf) {
        this.trail.push(nowcast);
      }
    }
    this.render();
  }

  setRange(days) {
    this.rangeDays = days;
    this.applyRange();
  }

  size() {
    return { width: Math.max(320, this.el.clientWidth), height: 380 };
  }

  render() {
    const data = this.align();
    if (!this.plot) {
      if (data[0].length === 0) {
        return;
      }
      this.plot = new uPlot(this.options(), data, this.el);
    } else {
      // Rescales both axes to the new data; a range the user zoomed to is kept, a preset one follows the newest day.
      const { min, max } = this.plot.scales.x;
      this.applying = true;
      this.plot.setData(data, true);
      if (this.rangeDays == null) {
        this.plot.setScale('x', { min, max });
      }
      this.applying = false;
    }
    this.applyRange();
    Object.assign(this.el.dataset, {
      days: String(this.days.length),
      firstDay: this.days[0]?.date ?? '',
      lastDay: this.days[this.days.length - 1]?.date ?? '',
      lastClosedDay: this.days[this.days.length - 2]?.date ?? '',
      forecastFor: this.forecast?.forDate ?? '',
      nowcastPoints: String(this.trail.length),
    });
  }

  // The open day: the newest day the market grain holds (a day closes only when a later day's tick arrives).
  openDay() {
    return this.days[this.days.length - 1]?.date ?? null;
  }

  // One row per x (day noons, the forecast's points, the nowcast trail), every series null where it has no value.
  align() {
    const rows = new Map();
    const row = (x, kind) => {
      let r = rows.get(x);
      if (!r) {
        r = { x, kinds: [], values: new Array(COLUMNS).fill(null) };
        rows.set(x, r);
      }
      r.kinds.push(kind);
      return r;
    };
    this.days.forEach((d, i) => {
      const r = row(day.seconds(d.date) + NOON, { day: d });
      if (i < this.days.length - 1) {
        r.values[C.mean - 1] = d.meanClose;
      }
      if (i >= this.days.length - 2) {
        r.values[C.open - 1] = d.meanClose;
      }
    });
    const f = this.forecast;
    if (f) {
      const base = this.days.find((d) => d.date === f.basedOn);
      if (base) {
        const start = row(day.seconds(base.date) + NOON, { forecastBase: f });
        for (const c of [C.f, C.f80lo, C.f80hi, C.f95lo, C.f95hi]) {
          start.values[c - 1] = base.meanClose;
        }
      }
      const end = row(day.seconds(f.forDate) + NOON, { forecast: f });
      set(end, C.f, f.value, interval(f, 0.8), C.f80lo, C.f80hi);
      set(end, C.f, f.value, interval(f, 0.95), C.f95lo, C.f95hi);
    }
    for (const n of this.trail) {
      const x = day.seconds(n.date) + Math.round(n.elapsedShare * DAY);
      const r = row(x, { nowcast: n });
      set(r, C.n, n.value, interval(n, 0.8), C.n80lo, C.n80hi);
      set(r, C.n, n.value, interval(n, 0.95), C.n95lo, C.n95hi);
    }
    this.rows = [...rows.values()].sort((a, b) => a.x - b.x);
    const xs = this.rows.map((r) => r.x);
    const columns = Array.from({ length: COLUMNS }, (_, i) => this.rows.map((r) => r.values[i]));
    for (const c of [C.open, C.f, C.f80lo, C.f80hi, C.f95lo, C.f95hi, C.n, C.n80lo, C.n80hi, C.n95lo, C.n95hi]) {
      bridge(xs, columns[c - 1]);
    }
    return [xs, ...columns];
  }

  applyRange() {
    const xs = this.rows.map((r) => r.x);
    if (!this.plot || xs.length === 0 || this.rangeDays == null) {
      return;
    }
    const max = xs[xs.length - 1] + DAY;
    const min = this.rangeDays > 0 ? Math.max(xs[0] - NOON, max - this.rangeDays * DAY) : xs[0] - NOON;
    this.applying = true;
    this.plot.setScale('x', { min, max });
    this.applying = false;
  }

  options() {
    const line = (stroke, extra = {}) => ({ stroke, width: 2, spanGaps: true, points: { show: false }, ...extra });
    const edge = () => ({ stroke: 'transparent', width: 0, spanGaps: true, points: { show: false } });
    return {
      ...this.size(),
      tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'),
      legend: { show: false },
      cursor: { drag: { x: true, y: false }, points: { size: 8 } },
      scales: { x: { time: true } },
      axes: [
        { stroke: '#5d6878', grid: { stroke: '#eef1f5' }, values: (u, splits, ax, space, incr) => timeLabels(splits, incr) },
        { stroke: '#5d6878', grid: { stroke: '#eef1f5' }, size: 72, values: (u, splits) => splits.map((v) => fmt.count(v)) },
      ],
      series: [
        {},
        line(COLORS.mean, { label: 'mean close', points: { show: (u, s, i0, i1) => i1 - i0 < 400, size: 4 } }),
        line(COLORS.mean, { label: 'open day so far', width: 1.5, dash: [3, 4], points: { show: true, size: 8, fill: '#ffffff' } }),
        line(COLORS.forecast, { label: 'forecast', dash: [6, 4], points: { show: (u, s, i0, i1) => i1 - i0 < 400, size: 6 } }),
        edge(), edge(), edge(), edge(),
        line(COLORS.nowcast, { label: 'nowcast' }),
        edge(), edge(), edge(), edge(),
      ],
      bands: [
        { series: [C.f95hi, C.f95lo], fill: COLORS.forecastBand[0] },
        { series: [C.f80hi, C.f80lo], fill: COLORS.forecastBand[1] },
        { series: [C.n95hi, C.n95lo], fill: COLORS.nowcastBand[0] },
        { series: [C.n80hi, C.n80lo], fill: COLORS.nowcastBand[1] },
      ],
      hooks: {
        draw: [(u) => this.drawWhiskers(u)],
        setCursor: [(u) => this.showHover(u.cursor.idx)],
        setScale: [(u, key) => {
          if (key === 'x' && !this.applying) {
            this.rangeDays = null;
            this.onRange(null);
          }
        }],
      },
    };
  }

  // The newest nowcast as a dot with its 80 % (thick) and 95 % (thin) whiskers.
  drawWhiskers(u) {
    const n = this.trail[this.trail.length - 1];
    if (!n) {
      return;
    }
    const x = u.valToPos(day.seconds(n.date) + Math.round(n.elapsedShare * DAY), 'x', true);
    const y = (v) => u.valToPos(v, 'y', true);
    const ctx = u.ctx;
    ctx.save();
    ctx.strokeStyle = COLORS.nowcast;
    ctx.fillStyle = COLORS.nowcast;
    for (const [level, width] of [[0.95, 1.5], [0.8, 4]]) {
      const i = interval(n, level);
      if (i) {
        ctx.lineWidth = width * devicePixelRatio;
        ctx.beginPath();
        ctx.moveTo(x, y(i.lower));
        ctx.lineTo(x, y(i.upper));
        ctx.stroke();
      }
    }
    ctx.beginPath();
    ctx.arc(x, y(n.value), 5 * devicePixelRatio, 0, 2 * Math.PI);
    ctx.fill();
    ctx.restore();
  }

  showHover(idx) {
    const r = idx == null ? null : this.rows[idx];
    this.hover.replaceChildren();
    if (!r) {
      this.hover.textContent = 'Hover over the chart for a day\'s open, high, low and close.';
      return;
    }
    const parts = [];
    for (const kind of r.kinds) {
      if (kind.day) {
        const d = kind.day;
        const open = d.date === this.openDay() ? ' (open day, so far)' : '';
        parts.push([`${d.date}${open}`, `mean ${fmt.price(d.meanClose)} · open ${fmt.price(d.open)} · high ${fmt.price(d.high)} · low ${fmt.price(d.low)} · close ${fmt.price(d.close)} · ${fmt.count(d.ticks)} ticks · volume ${fmt.count(d.volume)}`]);
      } else if (kind.forecast) {
        const f = kind.forecast;
        parts.push([`forecast for ${f.forDate}`, `${fmt.price(f.value)}, 80 % ${fmt.band(interval(f, 0.8))}, 95 % ${fmt.band(interval(f, 0.95))}`]);
      } else if (kind.nowcast) {
        const n = kind.nowcast;
        parts.push([`nowcast ${fmt.time(n.asOf)}`, `${fmt.price(n.value)}, 80 % ${fmt.band(interval(n, 0.8))}, 95 % ${fmt.band(interval(n, 0.95))}`]);
      }
    }
    parts.forEach(([title, text], i) => {
      const b = document.createElement('b');
      b.textContent = title;
      this.hover.append(i > 0 ? '  |  ' : '', b, ` ${text}`);
    });
    this.hover.dataset.date = r.kinds.find((k) => k.day)?.day.date ?? '';
  }
}

// Fills the nulls between a series' first and last values linearly, so its line and bands have no gap where other
// series add rows (a nowcast inside the forecast's fan, a day's noon inside the nowcast's trail).
function bridge(xs, values) {
  let last = -1;
  values.forEach((v, i) => {
    if (v == null) {
      return;
    }
    for (let j = last + 1; last >= 0 && j < i; j++) {
      values[j] = values[last] + ((v - values[last]) * (xs[j] - xs[last])) / (xs[i] - xs[last]);
    }
    last = i;
  });
}

// UTC labels: hours within a day, days within a year (the year under the first), months beyond.
function timeLabels(splits, incr) {
  return splits.map((v, i) => {
    const iso = new Date(v * 1000).toISOString();
    if (incr >= 28 * DAY) {
      return iso.slice(0, 7);
    }
    if (incr >= DAY) {
      return i === 0 || iso.slice(5, 10) === '01-01' ? `${iso.slice(5, 10)}\n${iso.slice(0, 4)}` : iso.slice(5, 10);
    }
    return i === 0 || iso.slice(11, 16) === '00:00' ? `${iso.slice(11, 16)}\n${iso.slice(0, 10)}` : iso.slice(11, 16);
  });
}

function set(r, column, value, band, lo, hi) {
  r.values[column - 1] = value;
  if (band) {
    r.values[lo - 1] = band.lower;
    r.values[hi - 1] = band.upper;
  }
}
