// Crossing's story engine: plays compiled stories (docs/compiled-format.md) exactly as the
// Python runtime (crossing/story/) does. No DOM, no I/O.

const LIMIT = 2147483647; // integers saturate at ±LIMIT
const SAVE = 'crossing-save';
export const AWAITING = 'awaiting_choice', ENDED = 'ending', STUCK = 'dead_end';
export class StoryLoopError extends Error {}
export class SaveError extends Error {}

/** @typedef {{scene: number, values: (number|boolean)[], rng: number[], seen: number[]}} State */

const isInt = Number.isInteger;
const isObj = (x) => x !== null && typeof x == 'object' && !Array.isArray(x);
const repr = (x) => (typeof x == 'string' ? `'${x}'` : x ?? 'None'); // as Python's messages show it
const fail = (why, type = Error) => {
  throw new type(why);
};

// -- the compiled story --

/** A compiled story (parsed JSON); throws an Error if this runtime cannot play it. */
export function load(data) {
  const bad = (where, what) => fail(`the compiled story is not valid: ${where}: ${what}`);
  if (!isObj(data) || data.format != 'crossing-story') bad('format', 'this is not a compiled Crossing story');
  if (![1, 2, 3].includes(data.format_version)) bad('format_version', 'this runtime reads versions 1 to 3; compile the story again');
  const { scenes, variables, chapters, start } = data; // the shape; ../../node/validate.mjs checks all
  if (![scenes, variables, chapters].every(Array.isArray) || !isInt(start) || !scenes[start]) bad('start', 'is not a scene');
  return { ...data, byId: new Map(scenes.map((s, i) => [s.id, i])) };
}

// -- expressions and text --

const sat = (x) => (x > LIMIT ? LIMIT : x < -LIMIT ? -LIMIT : x);
// Operands are within ±2**31: sums are exact, products round only far beyond ±LIMIT; |0
// truncates (x / 0 = x % 0 = 0).
const BINARY = {
  '+': (a, b) => sat(a + b), '-': (a, b) => sat(a - b), '*': (a, b) => sat(a * b),
  '/': (a, b) => a / b | 0, '%': (a, b) => a % b | 0, min: Math.min, max: Math.max,
  '==': (a, b) => a == b, '!=': (a, b) => a != b, // loose, as in Python (True == 1)
  '<': (a, b) => a < b, '<=': (a, b) => a <= b, '>': (a, b) => a > b, '>=': (a, b) => a >= b,
};

/** The value of a compiled expression (an enum's is its index). */
export function evaluate(e, values) {
  if (!Array.isArray(e)) return e;
  const [op, a, b] = e, ev = (x) => evaluate(x, values);
  return op == 'var' ? values[a] : op == 'not' ? !ev(a) : op == 'neg' ? sat(-ev(a))
    : op == 'and' ? !!ev(a) && !!ev(b) : op == 'or' ? !!ev(a) || !!ev(b) : BINARY[op](ev(a), ev(b));
}

/** Compiled text as HTML; counts variations shown in `seen`. */
export const render = (t, values, story, seen) => typeof t == 'string' ? t : t.map((p) => {
  const r = (t) => (t == null ? '' : render(t, values, story, seen)), { vary, parts, site } = p;
  const n = seen[site] ?? 0, l = parts?.length, c = vary == 'cycle', m = l - (vary == 'seq');
  return typeof p == 'string' ? p : 'if' in p ? r(evaluate(p.if, values) ? p.then : p.else)
    : vary ? ((seen[site] = c ? (n + 1) % l : Math.min(n + 1, m)), r(parts[c ? n % l : Math.min(n, m)]))
      : show(evaluate(p.expr, values), p, story.numbers);
}).join('');

// Number formats: docs/compiled-format.md
function show(x, { type, values, format: f }, n) {
  if (!f) return type == 'enum' ? values[+x] : type == 'bool' ? !!x + '' : +x + '';
  if (f == 'words' && n.words?.[x]) return n.words[x];
  const [pre, suf, npre, nsuf] = n.formats[f == 'words' ? 'number' : f], [a, b] = n.sizes;
  let d = Math.abs(x) + '', g = '';
  for (let k = a; d.length > k; k = b) (g = n.group + d.slice(-k) + g), (d = d.slice(0, -k));
  return x < 0 ? npre + d + g + nsuf : pre + d + g + suf;
}

// Each effect sees the values the ones before it left; ranged ints are clamped.
function apply({ variables }, effects, values) {
  if (!effects?.length) return values;
  values = values.slice();
  for (const [i, e] of effects) {
    const { type, low, high } = variables[i], x = evaluate(e, values);
    values[i] = type != 'int' ? x : low != null && x < low ? low : high != null && x > high ? high : +x;
  }
  return values;
}
const enter = (story, scene, values) => apply(story, story.scenes[scene].effects, values);

const snapshot = ({ variables }, values) => Object.fromEntries(variables.map((v, i) =>
  [v.name, v.type == 'enum' ? v.values[+values[i]] : v.type == 'bool' ? !!values[i] : +values[i]]));

// -- the random generator: xoshiro128** --

const rotl = (x, k) => ((x << k) | (x >>> (32 - k))) >>> 0;

/** Four unsigned 32-bit words from a seed from 0 to 2**32 - 1. */
export function seedState(seed) {
  if (!(isInt(seed) && seed >= 0 && seed < 2 ** 32)) fail('seed must be from 0 to 4294967295', RangeError);
  const s = [];
  for (let x = seed; s.length < 4;) {
    x = (x + 0x9e3779b9) >>> 0;
    let z = Math.imul(x ^ (x >>> 16), 0x85ebca6b); // (signed, but the same 32 bits)
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    s.push((z ^ (z >>> 16)) >>> 0);
  }
  if (!s.some((w) => w)) s[0] = 1; // all zeros would never change
  return s;
}

/** The next output; advances `s` in place. */
export function nextU32(s) {
  const [s0, s1, s2, s3] = s, t2 = s2 ^ s0, t3 = s3 ^ s1;
  s[0] = (s0 ^ t3) >>> 0;
  s[1] = (s1 ^ t2) >>> 0;
  s[2] = (t2 ^ (s1 << 9)) >>> 0;
  s[3] = rotl(t3, 11);
  return Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
}

/** [a roll from 0 to total - 1, the next state] (rejection keeps rolls uniform) */
export function draw(state, total) {
  const s = state.slice(), limit = 2 ** 32 - (2 ** 32 % total);
  let r;
  while ((r = nextU32(s)) >= limit);
  return [r % total, s];
}

// -- play --

/** One reader's play. Its methods return steps, the scenes shown, as transcripts show them. */
export class Session {
  /** @param {State} state @param {State[]} history */
  constructor(story, state, history = []) {
    Object.assign(this, { story, state, history, status: AWAITING, offered: [] });
  }

  /** @returns {[Session, object[]]} */
  static begin(story, seed) {
    const { start } = story, values = enter(story, start, story.variables.map((v) => v.initial));
    const session = new Session(story, { scene: start, values, rng: seedState(seed), seen: [] });
    return [session, session.settle()];
  }

  /** From a scene just entered, on until the reader must choose or play ends. */
  settle() {
    const { story } = this, { scenes } = story, steps = [], seen = [...this.state.seen];
    let { scene, values, rng } = this.state, arrival; // `seen` on arrival, kept for undo and saves
    const r = (t) => render(t, values, story, seen), stop = (status, offered = []) => {
      Object.assign(this, { state: { scene, values, rng, seen: arrival }, status, offered, seen });
      return steps;
    };
    for (let chained = 0; ; chained++) {
      if (chained === 10000) throw new StoryLoopError(`more than 10000 scenes in a row without a decision (last: '${scenes[scene].id}')`);
      const { id, text, ending, diverts, chance, choices } = scenes[scene];
      arrival = [...seen];
      const step = { scene: id, text: r(text ?? ''), vars: snapshot(story, values) };
      steps.push(step);
      if (ending) {
        step.ending = { kind: ending.kind };
        if (ending.epilogue != null) step.ending.epilogue = r(ending.epilogue);
        return stop(ENDED);
      }
      let target = diverts?.find((d) => d.if == null || evaluate(d.if, values))?.target;
      if (target != null) step.divert = scenes[target].id;
      else if (chance) {
        let roll, below = 0;
        [roll, rng] = draw(rng, chance.total);
        const outcome = chance.outcomes.findIndex((o) => roll < (below += o.weight));
        ({ target } = chance.outcomes[outcome]);
        values = apply(story, chance.outcomes[outcome].effects, values);
        step.chance = { roll, total: chance.total, outcome, target: scenes[target].id };
        chained = -1;
      } else {
        const offered = [];
        choices?.forEach((c, i) => (c.if == null || evaluate(c.if, values)) && offered.push(i));
        if (offered.length) step.choices = offered.map((i) => ({ id: choices[i].id, text: r(choices[i].text) }));
        return stop(offered.length ? AWAITING : STUCK, offered);
      }
      values = enter(story, (scene = target), values);
    }
  }

  choice(position) {
    return this.story.scenes[this.state.scene].choices[this.offered[position]];
  }

  /** Take the offered choice at `position` (from 0). */
  choose(position) {
    if (this.status != AWAITING || !(position >= 0 && position < this.offered.length)) fail('choice not offered', RangeError);
    const { story, state } = this, { target, effects } = this.choice(position);
    this.history.push(state); // undo comes back here, random state and all
    this.state = { ...state, scene: target, values: enter(story, target, apply(story, effects, state.values)), seen: this.seen };
    return this.settle();
  }

  /** Back to the last decision; null if none. */
  undo() {
    return this.history.length ? ((this.state = this.history.pop()), this.settle()) : null;
  }
}

// -- saves --

const snap = (story, { scene, values, rng, seen }) => {
  const { id, chapter } = story.scenes[scene], s = story.sites?.flatMap((k, i) => (seen[i] ? [[k, seen[i]]] : []));
  return { scene: id, chapter: chapter == null ? null : story.chapters[chapter].id, vars: snapshot(story, values), rng: [...rng], ...(s?.length && { seen: Object.fromEntries(s) }) };
};

export const save = ({ story, state, history }) => ({
  format: SAVE, format_version: 1, story: story.id, story_version: story.version,
  position: snap(story, state), history: history.map((h) => snap(story, h)),
});

/** From a save, maybe of an older story version: [session, steps, messages]. */
export function restore(story, data) {
  const error = (why) => fail(why, SaveError), messages = [], saved = data?.history ?? [];
  if (!isObj(data) || data.format != SAVE) error('this is not a Crossing save');
  if (data.format_version !== 1) error(`save format version ${repr(data.format_version)} is not supported`);
  if (data.story !== story.id) error(`this save belongs to the story '${data.story ?? 'None'}', not '${story.id}'`);
  if (!isObj(data.position)) error('the save is damaged: it has no position');
  if (!Array.isArray(saved) || data.history === null) error('the save is damaged: its history is not a list');
  const [state, exact] = read(story, data.position, messages);
  const history = saved.flatMap((h) => (isObj(h) && (h = read(story, h, []))[1] ? [h[0]] : []));
  if (history.length < saved.length) messages.push('some earlier steps could not be kept, so undo goes back less far');
  if (!exact) state.values = enter(story, state.scene, state.values); // a fallback scene is entered afresh
  const session = new Session(story, state, history);
  return [session, session.settle(), [...new Set(messages)]];
}

// [the state a save describes, whether its scene still exists]
function read(story, { scene: id, chapter, vars, rng, seen }, messages) {
  const { variables } = story, exact = typeof id == 'string' && story.byId.has(id);
  let scene = story.byId.get(id);
  if (!exact) {
    chapter = typeof chapter == 'string' && story.chapters.findLast((c) => c.id === chapter);
    scene = chapter ? chapter.start : story.start;
    messages.push(`the scene '${id ?? 'None'}' is no longer in the story; ` +
      (chapter ? `continuing from the start of the chapter '${chapter.title}'` : 'starting again from the beginning'));
  }
  vars = isObj(vars) ? vars : {};
  const values = variables.map(({ name, type, initial, values: names, low, high }) => {
    const raw = Object.hasOwn(vars, name) ? vars[name] : undefined;
    const x = type == 'int' ? Math.min(Math.max(raw, low ?? -LIMIT), high ?? LIMIT) : type == 'bool' ? raw : names.indexOf(raw);
    if (type == 'int' ? isInt(raw) : type == 'bool' ? typeof raw == 'boolean' : x >= 0) {
      if (x !== raw && type == 'int') messages.push(`'${name}' no longer fits its range; it is now ${x}`);
      return x;
    }
    messages.push(`'${name}' ` + (raw === undefined ? 'is new in this version; it starts at its initial value' : 'has changed; it starts again at its initial value'));
    return initial;
  });
  for (const name of Object.keys(vars)) if (!variables.some((v) => v.name === name)) messages.push(`'${name}' is no longer in the story and was dropped`);
  if (!(Array.isArray(rng) && rng.length == 4 && rng.every((w) => isInt(w) && w >= 0 && w < 2 ** 32) && rng.some((w) => w))) {
    rng = seedState(0);
    messages.push("the save's random state was damaged; chance starts afresh");
  }
  seen = story.sites?.map((k) => ((k = seen?.[k]) >>> 0 === k ? k : 0)) ?? [];
  return [{ scene, values, rng: [...rng], seen }, exact];
}

// -- the reader's page -- (what it does and why: _player.html)
const KEEP = 'crossing-player';

const fill = (s, o) => s.replace(/\{(\w+)\}/g, (_, k) => o[k]);
const esc = (s) => String(s).replace(/[&<>"]/g, (c) => `&#${c.charCodeAt()};`);

export async function mount(root, doc = document) {
  const $ = (s) => root.querySelector(s), json = (id) => JSON.parse(doc.getElementById(id)?.textContent || 'null');
  const say = json('journey-text'), odds = json('journey-odds') || {}, notice = $('.player-notice');
  const tell = (t) => { notice.textContent = t; notice.hidden = !t; };
  const pct = (p) => new Intl.NumberFormat(doc.documentElement.lang, { style: 'percent', maximumSignificantDigits: 2 }).format(p);
  let story, session, route = [], marks = [], reported, more;
  try {
    story = load(json('journey-opening') ?? json('journey-story') ?? await (await fetch(root.dataset.story)).json());
  } catch {
    return tell(say.failed);
  }
  const { scenes, places, sources, chapters } = story, key = KEEP + ':' + story.id;
  if (root.dataset.rest) {
    (more = fetch(root.dataset.rest).then((r) => r.json()).then((r) => {
      r.scenes.map((s, i) => s && (scenes[i] = s));
      for (const k in r.sources) r.sources[k] && (sources[k] = r.sources[k]);
      story.byId = load(story).byId;
    })).catch(() => {});
  }
  const rest = (here) => here || (tell(say.loading), more.then(() => !tell(''), () => tell(say.failed, root.classList.remove('playing'))));
  const title = $('.scene-title'), body = $('.scene-text'), choices = $('.choices'), undo = $('[data-act=undo]');
  const scene = (id) => scenes[story.byId.get(id)];

  let svg = $('.map-frame svg');
  const map = async () => {
    const list = $('.places'), frame = $('.map-frame');
    list.innerHTML = route.map((p, i) => `<li${i == route.length - 1 ? ' aria-current="location"' : ''}>${esc(places[p]?.name ?? p)}</li>`).join('');
    if (!svg && root.dataset.map) {
      frame.innerHTML = await (await fetch(root.dataset.map)).text();
      svg = $('.map-frame svg');
    }
    const { lon0, lat0, kx, ky } = svg?.dataset ?? {}, at = route.flatMap((p, i) => (p = places[p])?.lat != null ? [[(p.lon - lon0) * kx, (lat0 - p.lat) * ky, i + 1, p.country]] : []);
    if (!at.length) return;
    const fit = (a) => {
      const [x, X, y, Y] = [0, 1].flatMap((k) => [Math.min(...a.map((p) => p[k])), Math.max(...a.map((p) => p[k]))]), w = Math.max(300, (X - x) * 1.3 + 60), h = (Y - y) * 1.3 + 60;
      return [(x + X - w) / 2, (y + Y - h) / 2, w, h];
    };
    const seen = frame.clientWidth > 2.2 * frame.clientHeight ? at.slice(-2) : at;
    let v = fit(seen);
    const names = [...svg.querySelectorAll('.label')].map((t) => [+t.getAttribute('x'), +t.getAttribute('y')]), d = ([x, y]) => Math.hypot(x - v[0] - v[2] / 2, y - v[1] - v[3] / 2);
    if (!names.some((p) => d(p) < v[3] / 3)) v = fit([...seen, names.sort((a, b) => d(a) - d(b))[0]]);
    svg.setAttribute('viewBox', v.join(' '));
    frame.style.setProperty('--a', Math.min(1.6, Math.max(.75, v[2] / v[3])));
    const u = Math.max(v[2] / frame.clientWidth, v[3] / frame.clientHeight), lands = [...svg.querySelectorAll('[data-iso]')], way = ['', ''];
    svg.style.setProperty('--u', u);
    at.forEach((b, i, _, a = at[i - 1]) => {
      const leap = a && [...Array(15).keys()].filter((t) => (t = .15 + t / 20, lands.some((l) => l.dataset.iso != a[3] && l.dataset.iso != b[3] && l.isPointInFill(new DOMPoint(a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t))))).length > 3;
      if (a) way[+leap] += `M${a[0]} ${a[1]}L${b[0]} ${b[1]}`;
      if (leap) list.children[b[2] - 1].innerHTML += ` <small>${say.leap}</small>`;
    });
    $('.route').innerHTML = `<path d="${way[0]}"/><path class="leap" d="${way[1]}"/>` +
      at.map(([x, y, n]) => `<g><circle cx="${x}" cy="${y}" r="${9 * u}"/><text x="${x}" y="${y}">${n}</text></g>`).join('');
  };

  let shown;
  const cite = (k) => k.map((k) => `<a href="#source-${k}" data-source="${k}">${esc(sources[k]?.title ?? k)}</a>`).join('; ');
  const show = (steps, focus, again) => {
    const echo = marks.at(-1)?.[1];
    let html = echo ? `<p class="echo">${fill(say.echo, { c: echo })}</p>` : '', last = steps.at(-1);
    shown = steps;
    for (const { scene: id, text, chance, ending } of steps) {
      const { place, chance: c } = scene(id);
      if (!again && place && route.at(-1) != place) route.push(place);
      html += text;
      if (chance) {
        html += `<p class="chance">${fill(c.basis == 'estimate' ? say.estimate : say.record, { p: pct(c.outcomes[chance.outcome].weight / c.total), s: cite(c.sources ?? []) })}` +
          (c.background?.length ? ' ' + fill(say.background, { s: cite(c.background) }) : '') +
          (c.note ? ` <button type="button" class="link" data-act="note" data-scene="${id}">${say.why}</button>` : '') + '</p>';
      }
      if (ending?.epilogue) html += `<div class="epilogue">${ending.epilogue}</div>`;
    }
    const s = scene(last.scene);
    title.textContent = (s.title != story.title && s.title) || chapters[s.chapter]?.title || story.title;
    root.classList.toggle('begun', !!route[0]);
    body.innerHTML = html;
    choices.innerHTML = (last.choices ?? []).map((c, i) => `<li><button type="button" value="${i}">${c.text}</button></li>`).join('');
    undo.disabled = !session.history.length;
    $('.ending-facts').hidden = !last.ending;
    if (last.ending) ended(last.scene);
    map();
    keep();
    if (focus) title.focus();
  };

  const ended = async (id) => {
    const facts = $('.ending-facts');
    $('.ending-odds').textContent = id in odds ? fill(say.odds, { p: pct(odds[id]) }) : '';
    try {
      reported = await (globalThis.crossingEnding ?? await import(facts.dataset.module)).ended({ root, facts, story, session, route, chosen: marks.map((m) => m?.[1]), id, reported, say, pct, fill, doc });
      keep();
    } catch {}
  };

  const keep = () => {
    try {
      localStorage.setItem(key, JSON.stringify({ format: KEEP, save: save(session), route, marks, reported, shown }));
    } catch {}
  };

  const begin = (focus) => {
    route = []; marks = []; reported = undefined;
    const seed = crypto.getRandomValues(new Uint32Array(1))[0];
    let steps;
    [session, steps] = Session.begin(story, seed);
    show(steps, focus);
  };

  const open = (d, from, head, html) => {
    if (head) d.querySelector('h2').textContent = head, d.querySelector('div').innerHTML = html;
    d.onclose = () => from.focus();
    d.showModal();
  };
  root.addEventListener('click', async (e) => {
    const button = e.target.closest('button'), act = button?.dataset.act, source = e.target.closest('a[data-source]');
    if (source) {
      e.preventDefault();
      const s = sources[source.dataset.source] ?? {};
      open($('dialog.source'), source, s.title ?? source.dataset.source, '<dl>' + ['author', 'date', 'confidence', 'note'].filter((k) => s[k]).map((k) =>
        `<dt>${say.source[k]}</dt><dd>${esc(k == 'confidence' ? say.confidence[s[k]] ?? s[k] : s[k])}</dd>`).join('') +
        (s.url ? `<dt>${say.source.url}</dt><dd><a href="${esc(s.url)}" rel="noreferrer">${esc(s.url)}</a></dd>` : '') + '</dl>');
    } else if (!button) return;
    else if (button.value) {
      choices.inert = 1;
      const ok = await rest(scenes[session.choice(+button.value).target].id);
      choices.inert = 0;
      if (!ok) return;
      marks.push([route.length, button.innerHTML]);
      show(session.choose(+button.value), true);
    } else if (act == 'undo') {
      const steps = session.undo();
      if (steps) {
        route.length = marks.pop()?.[0] ?? route.length;
        show(steps, true);
      }
    } else if (act == 'note') open($('dialog.source'), button, say.why, scene(button.dataset.scene).chance.note);
    else if (act == 'restart') open($('dialog.restart'), button);
    else if (act == 'map') button.setAttribute('aria-expanded', root.classList.toggle('map-open')), map();
    else if (act) {
      const d = button.closest('dialog');
      if (act == 'again') d.onclose = () => title.focus(), begin(), tell('');
      d.close();
    }
  });

  let saved;
  try {
    saved = JSON.parse(localStorage.getItem(key));
  } catch {}
  root.classList.add('playing');
  $('.player').hidden = false;
  if (saved?.format == KEEP) {
    if (!await rest(!more)) return;
    try {
      const [s, steps, messages] = restore(story, saved.save);
      session = s;
      ({ route, reported } = saved);
      marks = session.history.length ? saved.marks.slice(-session.history.length) : [];
      tell(messages.length ? say.changed : say.resumed);
      const same = !messages.length && saved.shown?.at(-1)?.scene == steps.at(-1).scene;
      return show(same ? saved.shown : steps, false, same);
    } catch {}
  }
  begin();
}

if (typeof document == 'object') {
  const root = document.getElementById('journey');
  if (root) mount(root);
}
