// The symbol's server-sent events (forecast, nowcast), read with fetch so the credential travels in a header
// (EventSource cannot send one). Reconnects with a growing pause; the API sends the current items first again.

export function follow(api, path, { onEvent, onState }, signal) {
  let pause = 1000;
  (async () => {
    while (!signal.aborted) {
      onState('connecting');
      try {
        const response = await fetch(path, { headers: api.headers({ Accept: 'text/event-stream' }), cache: 'no-store', signal });
        if (!response.ok) {
          throw new Error(`HTTP ${response.status}`);
        }
        onState('live');
        pause = 1000;
        await read(response.body, onEvent, signal);
      } catch (error) {
        if (signal.aborted) {
          return;
        }
        console.warn('events:', error.message);
      }
      onState('down');
      await sleep(pause, signal);
      pause = Math.min(pause * 2, 15000);
    }
  })();
}

// Parses text/event-stream as it arrives: "event:" and "data:" lines, an empty line ends an event.
async function read(body, onEvent, signal) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  let type = 'message';
  let data = [];
  while (!signal.aborted) {
    const { value, done } = await reader.read();
    if (done) {
      return;
    }
    buffer += value;
    let end;
    while ((end = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, end).replace(/\r$/, '');
      buffer = buffer.slice(end + 1);
      if (line === '') {
        if (data.length > 0) {
          onEvent(type, JSON.parse(data.join('\n')));
        }
        type = 'message';
        data = [];
      } else if (line.startsWith('event:')) {
        type = line.slice(6).trim();
      } else if (line.startsWith('data:')) {
        data.push(line.slice(5).replace(/^ /, ''));
      }
    }
  }
}

function sleep(ms, signal) {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => { clearTimeout(timer); resolve(); }, { once: true });
  });
}
