// The ending screen: what a reader sees below an ending (templates/journey/_player.html,
// .ending-facts). player.js loads this module only when an ending is reached, with the
// data it needs (the kinds in words, the odds for each person and year, the chapter and
// sources behind each ending): from data-data, or inline (#journey-ending) in the
// single-file edition and the static export, where this file is inline too. It also adds
// the copy button to an ending's own page (templates/journey/ending.html).

const esc = (s) => String(s).replace(/[&<>"]/g, (c) => `&#${c.charCodeAt()};`);
// A translated sentence as HTML: its own words escaped, then the (already safe) values.
const html = (template, values) => esc(template).replace(/\{(\w+)\}/g, (_, k) => values[k] ?? '');

const sameState = (a, b) => a.scene == b.scene && a.values.every((x, i) => x === b.values[i]) && a.rng.every((x, i) => x === b.rng[i]);

/** The decisions and chance draws of a play, from its undo history (every kept state is a
 * decision) and the words of the choices taken (`chosen`, which the player keeps with its
 * save to echo them). The choice named is the one with those words that leads to the next
 * kept state; without the words (an older save), the first choice that leads there.
 * `same` compares a choice's text with the words kept (the page's HTML, re-serialised). */
export function recap(story, session, chosen = [], same = (a, b) => a == b) {
  const Session = session.constructor, states = [...session.history, session.state], steps = [];
  chosen = chosen.slice(-session.history.length || chosen.length);
  const from = (state) => {
    const s = new Session(story, state);
    return [s, s.settle().at(-1)];
  };
  for (let i = 0; i + 1 < states.length; i++) {
    const [, shown] = from(states[i]), offered = shown.choices ?? [], order = offered.map((_, p) => p);
    const words = chosen.length == states.length - 1 ? chosen[i] : null;
    if (words != null) order.sort((a, b) => same(offered[b].text, words) - same(offered[a].text, words));
    let after;
    const taken = order.find((p) => {
      const [s] = from(states[i]);
      after = s.choose(p);
      return sameState(s.state, states[i + 1]);
    });
    if (taken == null) break; // a save of an older version: follow it only as far as it goes
    steps.push({ scene: shown.scene, choice: offered[taken].text });
    for (const step of after) if (step.chance) steps.push({ scene: step.scene, chance: step.chance });
  }
  return steps;
}

const estimate = (chance) => chance.basis == 'estimate';

/** The value of a variable at the end of play, as `--set` writes it. */
function value(story, session, name) {
  const i = story.variables.findIndex((v) => v.name == name), v = story.variables[i], x = session.state.values[i];
  return v?.type == 'enum' ? v.values[+x] : String(x);
}

function style(facts, doc) {
  const href = facts.dataset.style;
  if (href && !doc.querySelector('link[data-ending-style]')) {
    const link = Object.assign(doc.createElement('link'), { rel: 'stylesheet', href });
    link.dataset.endingStyle = '';
    doc.head.append(link);
  }
}

/** The copy buttons in `scope`, shown where the browser can copy. */
export function enhance(scope, doc = document) {
  const status = scope.querySelector('.ending-copied');
  for (const button of scope.querySelectorAll('button[data-copy]')) {
    if (!doc.defaultView?.navigator.clipboard) continue; // the link itself stays, to copy by hand
    button.hidden = false;
    button.onclick = async () => {
      try {
        await doc.defaultView.navigator.clipboard.writeText(button.dataset.copy);
        if (status) status.textContent = button.dataset.copied;
      } catch {} // refused: the link is there to copy by hand
    };
  }
}

/** Fill the ending screen for ending `id`; returns how readers fared (kept with the save). */
export async function ended({ root, facts, story, session, route, chosen, id, reported, say, pct, fill, doc }) {
  const $ = (s) => facts.querySelector(s);
  const data = JSON.parse(doc.getElementById('journey-ending')?.textContent || 'null') ?? await (await fetch(facts.dataset.data)).json();
  style(facts, doc);
  const t = data.text, { scenes, places, chapters, sources } = story, scene = (s) => scenes[story.byId.get(s)];
  const here = scene(id), kind = data.kinds[here.ending.kind] ?? { name: here.ending.kind, words: '' }, about = data.endings[id] ?? {};
  const mine = data.scenarios.find((s) => Object.entries(s.set).every(([k, v]) => value(story, session, k) == v));
  // An ending in a list: its kind, unless its title says it, and its place ("Sent back" is
  // the title of two endings).
  const kindOf = (s) => esc([data.kinds[s.ending.kind]?.name, places[s.place]?.name].filter((w, i) => w && (i || w != s.title)).join(', '));
  const named = (s) => esc(s.title ?? places[s.place]?.name ?? chapters[s.chapter]?.title ?? story.title);

  let top = `<p>${html(t.kind, { name: `<strong>${esc(kind.name)}</strong>`, words: esc(kind.words) })}</p>`;
  let likely = '';
  if (mine) {
    const [, , random, careful] = mine.odds[id] ?? [];
    top += `<h3>${html(t.for, { who: esc(mine.label) })}</h3>`;
    if (random) $('.ending-odds').textContent = fill(t.random, { likelihood: random });
    likely += `<p>${careful ? html(t.careful, { likelihood: esc(careful) }) : esc(t.careful_never)}</p><p>${esc(mine.honesty)}</p>`;
    const rows = Object.entries(mine.odds).sort((a, b) => b[1][0] - a[1][0]).map(([e, [, , r, c]]) =>
      `<tr${e == id ? ' class="ending-yours"' : ''}><th scope="row">${named(scene(e))}${kindOf(scene(e)) && ` <span class="ending-kind-name">— ${kindOf(scene(e))}</span>`}${e == id ? ` <strong>${esc(t.yours)}</strong>` : ''}</th><td>${esc(r ?? t.never)}</td><td>${esc(c ?? t.never)}</td></tr>`);
    likely += `<details class="ending-others"><summary>${html(t.table, { who: esc(mine.label) })}</summary><div class="ending-table-wrap"><table><thead><tr><th scope="col">${esc(t.ending)}</th><th scope="col">${esc(t.at_random)}</th><th scope="col">${esc(t.with_care)}</th></tr></thead><tbody>${rows.join('')}</tbody></table></div></details>`;
  }
  $('.ending-kind').innerHTML = top;
  $('.ending-likely').innerHTML = likely;

  // The words kept are the buttons' HTML as the browser wrote it back: compare alike.
  const html5 = (h) => Object.assign(doc.createElement('template'), { innerHTML: h }).innerHTML;
  const steps = recap(story, session, chosen, (a, b) => html5(a) == html5(b)), chances = steps.filter((s) => s.chance);
  const lines = steps.map(({ scene: s, choice, chance }) => {
    if (choice != null) return `<li>${html(t.chose, { scene: named(scene(s)), choice })}</li>`;
    const c = scene(s).chance;
    // The calibration note (the compiler's safe HTML, its citations opening as any do).
    const note = c.note ? `<details><summary>${esc(t.why)}</summary><p>${c.note}</p></details>` : '';
    return `<li class="ending-chance">${html(estimate(c) ? t.estimate : t.record, { scene: named(scene(s)), p: esc(pct(c.outcomes[chance.outcome].weight / c.total)) })}${note}</li>`;
  });
  let more = `<h3>${esc(t.journey)}</h3>`;
  if (route.length) more += `<p>${html(t.places, { places: route.map((p) => esc(places[p]?.name ?? p)).join(', ') })}</p>`;
  if (lines.length) more += `<details class="ending-steps"><summary>${html(t.steps, { d: steps.length - chances.length, c: chances.length })}</summary><ol>${lines.join('')}</ol></details>`;

  const cited = (about.sources ?? []).filter((k) => sources[k]);
  if (about.chapter || cited.length) {
    more += `<h3>${esc(t.real)}</h3>`;
    const { title, url } = about.chapter ?? {};
    if (url) more += `<p><a href="${esc(url)}">${html(t.chapter, { chapter: esc(title) })}</a></p>`;
    else if (title) more += `<p>${html(t.chapter_unlinked, { chapter: esc(title) })}</p>`;
    if (cited.length) more += `<p>${esc(t.sources)}</p><ul class="ending-cited">${cited.map((k) => `<li><a href="#source-${esc(k)}" data-source="${esc(k)}">${esc(sources[k].title)}</a></li>`).join('')}</ul>`;
  }

  more += `<h3>${esc(t.again)}</h3>`;
  const others = data.scenarios.filter((s) => s != mine && s.goal);
  if (others.length) more += `<p>${esc(t.invite)}</p><ul>${others.map((s) => `<li>${html(t.other, { who: esc(s.label), goal: esc(data.goal), likelihood: esc(s.goal) })}</li>`).join('')}</ul>`;
  more += `<p><button type="button" data-act="restart">${esc(t.restart)}</button></p>`;
  if (about.page) {
    const address = new URL(about.page, doc.baseURI).href;
    more += `<p>${esc(t.share)} <a href="${esc(about.page)}">${esc(address)}</a></p><p><button type="button" class="quiet" data-copy="${esc(address)}" data-copied="${esc(t.copied)}" hidden>${esc(t.copy)}</button></p><p class="ending-copied" role="status"></p>`;
  }
  $('.ending-more').innerHTML = more;
  enhance(facts, doc);

  // How other readers fared: the first ending of a play is the one that counts.
  const fared = $('.ending-fared');
  fared.textContent = '';
  if (!reported && root.dataset.endings) {
    try {
      const r = await fetch(root.dataset.endings, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ story: story.id, version: story.version, ending: id }) });
      if (r.ok) reported = await r.json();
    } catch {} // offline: the odds above still stand
  }
  if (reported) fared.textContent = fill(reported.shares ? say.fared : say.few, { n: reported.readers.toLocaleString(doc.documentElement.lang), p: pct(reported.shares?.[id] ?? 0) });
  return reported;
}

// Inline (the single-file edition, the static export), nothing can import this module.
globalThis.crossingEnding = { ended };
if (typeof document == 'object') enhance(document);
