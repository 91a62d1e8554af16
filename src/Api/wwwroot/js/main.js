// The page: sign in with a key or token, pick a symbol, read its figures through the API, then follow its events.
// It keeps nothing of its own beyond what it last read (and the nowcasts seen while open, for the chart's trail).

import { Api, refusal } from './api.js';
import { DayChart } from './chart.js';
import { follow } from './events.js';
import { day } from './format.js';
import * as panels from './panels.js';

const CREDENTIAL = 'stream.credential';
const POLL_MS = 5000;
const $ = (id) => document.getElementById(id);

const chart = new DayChart($('chart'), $('hover'), (range) => pressRange(range));
let session = null;

$('login-form').addEventListener('submit', (e) => {
  e.preventDefault();
  signIn($('key').value);
});
$('logout').addEventListener('click', () => signOut(''));
$('symbol').addEventListener('change', () => {
  location.hash = encodeURIComponent($('symbol').value);
});
window.addEventListener('hashchange', () => session && open(session.api, decodeURIComponent(location.hash.slice(1))));
for (const button of document.querySelectorAll('[data-range]')) {
  button.addEventListener('click', () => {
    const range = Number(button.dataset.range);
    pressRange(range);
    chart.setRange(range);
  });
}

const saved = sessionStorage.getItem(CREDENTIAL);
if (saved) {
  signIn(saved);
}

async function signIn(credential) {
  if (!credential.trim()) {
    return;
  }
  const api = new Api(credential);
  let symbols;
  try {
    symbols = await api.get('/api/symbols');
  } catch (error) {
    signOut(refusal(error));
    return;
  }
  sessionStorage.setItem(CREDENTIAL, credential);
  $('key').value = '';
  $('login').hidden = true;
  $('view').hidden = false;
  $('logout').hidden = false;
  $('symbol').hidden = false;
  $('live').hidden = false;
  listSymbols(symbols);
  const wanted = decodeURIComponent(location.hash.slice(1));
  const symbol = symbols.includes(wanted) ? wanted : symbols[0];
  if (symbol) {
    open(api, symbol);
  } else {
    session = { api, symbol: null, abort: new AbortController() };
    $('forecast-date').textContent = 'The cluster holds no symbol yet: ingest some ticks.';
  }
}

// Back to the sign-in form; nothing read stays on the page.
function signOut(message) {
  session?.abort.abort();
  session = null;
  sessionStorage.removeItem(CREDENTIAL);
  if (message) {
    sessionStorage.setItem('stream.message', message);
  }
  location.reload();
}

const message = sessionStorage.getItem('stream.message');
if (message) {
  sessionStorage.removeItem('stream.message');
  $('login-error').textContent = message;
}

function listSymbols(symbols) {
  const select = $('symbol');
  const current = [...select.options].map((o) => o.value);
  if (current.join('\n') === symbols.join('\n')) {
    return;
  }
  const chosen = select.value;
  select.replaceChildren(...symbols.map((s) => new Option(s, s)));
  if (symbols.includes(chosen)) {
    select.value = chosen;
  }
}

async function open(api, symbol) {
  session?.abort.abort();
  const s = { api, symbol, calls: api.symbol(symbol), abort: new AbortController(), days: [], forecast: null, nowcast: null, modelKey: null };
  session = s;
  $('symbol').value = symbol;
  document.title = `${symbol} · Stream`;
  chart.setNowcast(null);
  let first;
  try {
    first = await Promise.all([s.calls.days(), s.calls.forecast(), s.calls.nowcast(), s.calls.models(), s.calls.stats(), s.calls.sources()]);
  } catch (error) {
    failed(s, error);
    return;
  }
  if (session !== s) {
    return;
  }
  const [days, forecast, nowcast, models, stats, sources] = first;
  s.days = days;
  onForecast(s, forecast);
  onNowcast(s, nowcast);
  chart.setDays(days);
  panels.showDays(days, chart.openDay());
  panels.showModels(models, forecast);
  panels.showHealth(stats);
  panels.showSources(sources);
  follow(api, s.calls.events, {
    onEvent: (type, item) => {
      if (session !== s) {
        return;
      }
      if (type === 'forecast') {
        onForecast(s, item);
      } else if (type === 'nowcast') {
        onNowcast(s, item);
      }
    },
    onState: (state) => {
      if (session === s) {
        const live = $('live');
        live.dataset.state = state;
        live.textContent = { live: 'live', connecting: 'connecting…', down: 'reconnecting…' }[state] ?? state;
      }
    },
  }, s.abort.signal);
  poll(s);
}

function onForecast(s, forecast) {
  s.forecast = forecast;
  panels.showForecast(forecast);
  panels.showModelBadge(forecast);
  chart.setForecast(forecast);
  const modelKey = forecast ? `${forecast.model}/${forecast.modelVersion}` : null;
  if (s.modelKey !== null && modelKey !== s.modelKey) {
    refresh(s, () => s.calls.models(), (models) => panels.showModels(models, s.forecast));
  }
  s.modelKey = modelKey;
  // A forecast from a day the page does not hold as closed: that day closed, so read the days again.
  if (forecast && s.days.length > 0 && !s.days.some((d) => d.date === forecast.basedOn && d.date < s.days[s.days.length - 1].date)) {
    refreshDays(s);
  }
}

function onNowcast(s, nowcast) {
  s.nowcast = nowcast;
  panels.showNowcast(nowcast);
  chart.setNowcast(nowcast);
  soon(s);
}

// After a nowcast (a batch came in): the open day's bar and the counts, at most once a second.
function soon(s) {
  if (s.soon) {
    return;
  }
  s.soon = setTimeout(() => {
    s.soon = null;
    if (session === s) {
      refreshDays(s);
      refresh(s, () => s.calls.stats(), panels.showHealth);
    }
  }, 1000);
}

async function poll(s) {
  while (session === s && !s.abort.signal.aborted) {
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    if (session !== s) {
      return;
    }
    refreshDays(s);
    refresh(s, () => s.calls.stats(), panels.showHealth);
    refresh(s, () => s.calls.sources(), panels.showSources);
    refresh(s, () => s.api.get('/api/symbols'), listSymbols);
  }
}

async function refresh(s, read, show) {
  try {
    const value = await read();
    if (session === s) {
      show(value);
    }
  } catch (error) {
    failed(s, error);
  }
}

// The days from a week before the newest one held (a late tick may revise a closed day), merged into what is held.
async function refreshDays(s) {
  const newest = s.days[s.days.length - 1]?.date;
  const from = newest ? day.add(newest, -7) : null;
  try {
    const days = await s.calls.days(from);
    if (session !== s) {
      return;
    }
    s.days = from ? [...s.days.filter((d) => d.date < from), ...days] : days;
    chart.setDays(s.days);
    panels.showDays(s.days, chart.openDay());
  } catch (error) {
    failed(s, error);
  }
}

function failed(s, error) {
  if (session !== s || s.abort.signal.aborted) {
    return;
  }
  if (error.status === 401 || error.status === 403) {
    signOut(refusal(error));
  } else {
    console.warn(error.message);
  }
}

function pressRange(range) {
  for (const button of document.querySelectorAll('[data-range]')) {
    button.setAttribute('aria-pressed', String(Number(button.dataset.range) === range));
  }
}
