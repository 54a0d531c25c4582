// The companion's one script: Run and Stop buttons on a served chapter page. A static page has no
// token and no buttons, so this does nothing there. Plain JavaScript, no dependency.
const token = document.querySelector('meta[name="companion-token"]')?.getAttribute('content');

async function post(path, body) {
  return fetch(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-companion-token': token },
    body: JSON.stringify(body),
  });
}

function panelOf(button) {
  return button.closest('.run-panel');
}

async function run(button) {
  const panel = panelOf(button);
  const log = panel.querySelector('pre.log');
  const result = panel.querySelector('.result');
  const stop = panel.querySelector('button.stop');
  const runs = panel.querySelectorAll('button.run');
  const figure = panel.querySelector('figure.timeline');
  const name = button.dataset.example;
  const body = { chapter: button.dataset.chapter, example: name };
  if (button.dataset.python) body.python = true;
  log.textContent = '';
  delete log.dataset.empty;
  panel.querySelector('h4').textContent = 'Output';
  result.className = 'result running';
  result.textContent = `Running ${name}…`;
  panel.querySelector('ul.checks.live').hidden = true;
  for (const one of runs) one.disabled = true;
  stop.disabled = false;
  const started = performance.now();
  try {
    const response = await fetch('api/run', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-companion-token': token },
      body: JSON.stringify(body),
    });
    if (!response.ok || !response.body) {
      result.className = 'result fail';
      result.textContent = `✗ ${(await response.text()).trim()}`;
      return;
    }
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffered = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffered += value;
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        if (line) show(JSON.parse(line));
      }
    }
  } catch (error) {
    result.className = 'result fail';
    result.textContent = `✗ ${error.message}`;
  } finally {
    for (const one of runs) one.disabled = false;
    stop.disabled = true;
    if (document.activeElement === stop || document.activeElement === document.body) button.focus();
  }

  function show(event) {
    if (event.type === 'out') {
      const atEnd = log.scrollTop + log.clientHeight >= log.scrollHeight - 4;
      log.append(event.text);
      if (atEnd) log.scrollTop = log.scrollHeight;
      return;
    }
    const verdicts = event.outcomes.length
      ? event.outcomes.join(', ')
      : `✗ the runner ended with status ${event.exitCode} and no report`;
    const times =
      event.wallSeconds === null
        ? ''
        : ` · wall ${event.wallSeconds.toFixed(2)} s · CPU ${event.cpuSeconds === null ? '–' : event.cpuSeconds.toFixed(2)} s`;
    result.className = `result ${event.ok ? 'ok' : 'fail'}`;
    result.textContent = `${verdicts}${times}`;
    if (event.python) result.textContent += ` · the Python original: ${event.python}`;
    // The "Last run" box now describes this run.
    const last = panel.closest('.side')?.querySelector('.last');
    if (last && event.outcomes.length) {
      last.querySelector('.outcome').className = `outcome ${event.ok ? 'ok' : 'fail'}`;
      last.querySelector('.outcome').textContent = verdicts;
      const when = last.querySelector('h3');
      when.textContent = 'Last run ';
      const note = document.createElement('span');
      note.className = 'when';
      note.textContent = `here, just now${times}`;
      when.append(note);
    }
    const checks = panel.querySelector('ul.checks.live');
    checks.replaceChildren(
      ...event.checks.map((check) => {
        const item = document.createElement('li');
        item.className = check.ok ? 'ok' : 'fail';
        item.textContent = `${check.ok ? '✓' : '✗'} ${check.check}: ${check.seen}`;
        return item;
      }),
    );
    checks.hidden = event.checks.length === 0;
    if (event.timeline) {
      let img = figure.querySelector('img');
      if (!img) {
        img = document.createElement('img');
        figure.prepend(img);
      }
      img.alt = `Timeline of ${name}`;
      img.src = `traces/${event.timeline}?t=${Math.round(started)}`;
      figure.hidden = false;
    }
  }
}

document.addEventListener('click', (event) => {
  const button = event.target.closest?.('button');
  if (!button || !token) return;
  if (button.classList.contains('run')) void run(button);
  if (button.classList.contains('stop')) {
    void post('api/stop', { chapter: button.dataset.chapter, example: button.dataset.example });
    button.disabled = true;
    panelOf(button).querySelector('button.run').focus();
  }
});
