// The page's text panels, written with textContent only (nothing the API sends is parsed as HTML).

import { day, fmt, interval } from './format.js';

const $ = (id) => document.getElementById(id);

// Rows of a <dl>: [label, text, {id, value, className}]
function pairs(dl, rows) {
  dl.replaceChildren(...rows.flatMap(([label, text, extra = {}]) => {
    const dt = document.createElement('dt');
    dt.textContent = label;
    const dd = document.createElement('dd');
    dd.textContent = text;
    if (extra.id) {
      dd.id = extra.id;
    }
    if (extra.value != null) {
      dd.dataset.value = String(extra.value);
    }
    if (extra.className) {
      dd.className = extra.className;
    }
    return [dt, dd];
  }));
}

function big(element, value, text) {
  element.textContent = text;
  element.dataset.value = value == null ? '' : String(value);
}

export function showForecast(f) {
  if (!f) {
    big($('forecast-value'), null, '–');
    $('forecast-date').textContent = 'No forecast yet: no day has closed.';
    pairs($('forecast-bands'), []);
    return;
  }
  big($('forecast-value'), f.value, fmt.price(f.value));
  $('forecast-date').textContent = `mean close of ${f.forDate}, from the days up to ${f.basedOn}`;
  pairs($('forecast-bands'), [
    ['80 %', fmt.band(interval(f, 0.8))],
    ['95 %', fmt.band(interval(f, 0.95))],
    ['model', `${f.model} v${f.modelVersion}`],
    ['computed', fmt.time(f.computedAt)],
  ]);
}

export function showNowcast(n) {
  const elapsed = $('nowcast-elapsed');
  $('nowcast-progress').dataset.value = n ? String(n.elapsedShare) : '';
  if (!n) {
    big($('nowcast-value'), null, '–');
    $('nowcast-date').textContent = 'No nowcast: no day is open, or the forecast grain has not made one.';
    elapsed.style.width = '0';
    pairs($('nowcast-details'), []);
    return;
  }
  big($('nowcast-value'), n.value, fmt.price(n.value));
  $('nowcast-date').textContent = `mean close of ${n.date}, ${fmt.percent(n.elapsedShare)} of the day in`;
  elapsed.style.width = `${Math.min(100, Math.max(0, n.elapsedShare * 100))}%`;
  pairs($('nowcast-details'), [
    ['80 %', fmt.band(interval(n, 0.8))],
    ['95 %', fmt.band(interval(n, 0.95))],
    ['mean so far', fmt.price(n.meanSoFar)],
    ['last price', fmt.price(n.lastPrice)],
    ['ticks', fmt.count(n.ticks)],
    ['as of', fmt.time(n.asOf), { id: 'nowcast-asof' }],
  ]);
}

export function showHealth(s) {
  const rejected = Object.entries(s.rejectedByReason ?? {}).filter(([, n]) => n > 0);
  const lagBad = s.lagSeconds != null && s.lagSeconds > 3600;
  pairs($('health'), [
    ['accepted', fmt.count(s.accepted), { id: 'stat-accepted', value: s.accepted }],
    ['duplicates', fmt.count(s.duplicates), { id: 'stat-duplicates', value: s.duplicates }],
    ['late (revised days)', fmt.count(s.lateAccepted), { id: 'stat-late', value: s.lateAccepted }],
    ['rejected', fmt.count(s.rejected), { id: 'stat-rejected', value: s.rejected, className: s.rejected > 0 ? 'bad' : '' }],
    ...rejected.map(([reason, n]) => [`  ${reason}`, fmt.count(n), { id: `stat-rejected-${reason}`, value: n, className: 'bad' }]),
    ['batches', fmt.count(s.batches)],
    ['closed days', fmt.count(s.closedDays), { id: 'stat-closed-days', value: s.closedDays }],
    ['newest tick', fmt.time(s.newestTick), { id: 'stat-newest' }],
    ['lag', fmt.seconds(s.lagSeconds), { id: 'stat-lag', value: s.lagSeconds, className: lagBad ? 'bad' : 'good' }],
  ]);
}

export function showSources(sources) {
  const card = $('source-card');
  card.hidden = sources.length === 0;
  pairs($('sources'), sources.flatMap((s, i) => {
    const stale = s.reportAgeSeconds > 60;
    const state = stale ? `no report for ${fmt.seconds(s.reportAgeSeconds)}` : s.connected ? 'connected' : 'disconnected';
    return [
      ['source', s.source, { id: `source-${i}-name` }],
      ['status', state, { id: `source-${i}-state`, className: s.connected && !stale ? 'good' : 'bad' }],
      ['newest tick', fmt.time(s.lastTickTime)],
      ['published', fmt.count(s.published)],
      ['reconnects', fmt.count(s.reconnects), { id: `source-${i}-reconnects`, value: s.reconnects }],
      ['gaps repaired', `${fmt.count(s.gapsRepaired)} (${fmt.count(s.minutesRepaired)} min)`, { id: `source-${i}-gaps`, value: s.gapsRepaired }],
      ['bad input', fmt.count(s.badInput)],
    ];
  }));
}

export function showModelBadge(f) {
  const badge = $('model-badge');
  badge.hidden = !f;
  badge.textContent = f ? `${f.model} · v${f.modelVersion}` : '';
  badge.dataset.model = f?.model ?? '';
  badge.dataset.version = f ? String(f.modelVersion) : '';
}

function table(element, head, rows) {
  const tr = (cells, tag) => {
    const row = document.createElement('tr');
    row.append(...cells.map((c) => {
      const cell = document.createElement(tag);
      cell.textContent = c;
      return cell;
    }));
    return row;
  };
  const thead = document.createElement('thead');
  thead.append(tr(head, 'th'));
  const tbody = document.createElement('tbody');
  for (const [cells, className] of rows) {
    const row = tr(cells, 'td');
    row.className = className ?? '';
    tbody.append(row);
  }
  element.replaceChildren(thead, tbody);
}

// Versions with their held-out scores: MAE, over naive's on the same days (MASE), and over the MAE of `last` on the
// same days (the trainer's own figure; for older versions, a registered `last` version held out on the same days).
export function showModels(versions, forecast) {
  const activeVersion = forecast?.modelVersion ?? versions.find((v) => v.active)?.version ?? 0;
  const lastOn = (v) => versions.filter((l) => l.model === 'last' && l.heldOutFrom === v.heldOutFrom && l.heldOutTo === v.heldOutTo).pop();
  const status = (version) => (version === activeVersion ? 'active' : '');
  const rows = [[['0', 'naive', '–', '–', '1.000', '–', status(0)], status(0)]];
  for (const v of versions) {
    const last = lastOn(v);
    const heldOut = `${day.between(v.heldOutFrom, v.heldOutTo) + 1} d to ${v.heldOutTo}`;
    rows.push([[String(v.version), v.model, heldOut, fmt.price(v.mae), fmt.ratio(v.mase), v.maeVsLast != null ? fmt.ratio(v.maeVsLast) : last ? fmt.ratio(v.mae / last.mae) : '–', status(v.version)], status(v.version)]);
  }
  table($('models'), ['v', 'model', 'held out', 'MAE', 'vs naive', 'vs last', ''], rows);
  $('models-note').textContent = versions.length === 0
    ? 'No trained version yet: the naive model (tomorrow = today) serves.'
    : 'vs naive (MASE) and vs last: MAE over theirs on the same held-out days; below 1 beats them.';
}

export function showDays(days, openDay) {
  const latest = days.slice(-8).reverse();
  table($('days'), ['date', 'mean close', 'open', 'high', 'low', 'close', 'ticks'], latest.map((d) => [[
    d.date === openDay ? `${d.date} (open)` : d.date,
    fmt.price(d.meanClose), fmt.price(d.open), fmt.price(d.high), fmt.price(d.low), fmt.price(d.close), fmt.count(d.ticks),
  ], '']));
}
