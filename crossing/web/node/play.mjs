#!/usr/bin/env node
// Scripted play with the browser runtime (../static/crossing/player.js): prints the same
// transcript as `crossing play STORY.json --seed N --script ... --json` (docs/cli.md).
//
//   node crossing/web/node/play.mjs STORY.json [--seed N] [--script 1,2,u,s] [--json]
//   node crossing/web/node/play.mjs [STORY.json] --batch < runs.jsonl
//
// As in the Python command, a script has numbers, `u` (undo) and `s` (save, then restore
// from that save at once, in memory): `l` (load) belongs to interactive play, which this
// command does not have, and --save-file is accepted but unused. Without --json the
// transcript is indented.
//
// --batch reads runs, one a line: {"seed": N, "script": "1,2"} (or a list of tokens), with
// "story": "other.json" to play another story than STORY.json. It answers each at once with
// one line, the compact transcript or {"error": "..."}, so that tests can play thousands of
// runs of many stories through one process, or talk to it line by line.
//
// Exit status as `crossing play`: 0; 1 when the story cannot be read or the transcript ends
// in an error (in --batch: when any line had an error); 2 for a wrong command line. Every
// error is one line on standard error.

import { existsSync, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';

const USAGE = 'usage: node play.mjs STORY.json [--seed N] [--script TOKENS] [--json], or [STORY.json] --batch';
const MAX_SEED = 4294967295;

const fail = (message) => {
  throw new Error(message);
};

class Failure extends Error {
  constructor(message, status) {
    super(message);
    this.status = status;
  }
}

// player.js is an ES module for browsers. Node before version 22 reads a .js file outside a
// package marked "type": "module" as CommonJS, so import its source as a data: URL.
async function importEngine() {
  const source = readFileSync(new URL('../static/crossing/player.js', import.meta.url), 'utf8');
  return import('data:text/javascript;charset=utf-8,' + encodeURIComponent(source));
}

/**
 * The transcript `crossing play --json` prints for script tokens: a number takes that choice
 * (from 1 among those offered), `u` undoes, `s` saves and at once restores.
 */
function runScript({ Session, save, restore, ENDED, StoryLoopError }, story, seed, script) {
  const steps = [];
  let end, last, session, shown, messages;
  const add = (more) => {
    steps.push(...more);
    last = more[more.length - 1]; // the scene shown last: a choice taken is recorded on it
  };
  try {
    [session, shown] = Session.begin(story, seed);
    add(shown);
    for (const [n, token] of script.entries()) {
      if (token == 'u') {
        shown = session.undo();
        steps.push({ action: 'undo', done: !!shown });
        if (shown) add(shown);
      } else if (token == 's') {
        const data = save(session);
        steps.push({ action: 'save', save: data });
        [session, shown, messages] = restore(story, JSON.parse(JSON.stringify(data)));
        steps.push({ action: 'restore', messages });
        add(shown);
      } else {
        const offered = session.offered.length; // none unless awaiting a choice
        if (token > offered) {
          end = { status: 'error', message: `script step ${n + 1}: choice ${token} is not offered (${offered} choice${offered == 1 ? '' : 's'} offered)` };
          break;
        }
        last.taken = session.choice(token - 1).id;
        add(session.choose(token - 1));
      }
    }
    const { id, ending } = story.scenes[session.state.scene];
    end ??= { status: session.status, scene: id };
    if (end.status == ENDED) Object.assign(end, { ending: id, kind: ending.kind });
  } catch (e) {
    if (!(e instanceof StoryLoopError)) throw e;
    end = { status: 'error', message: e.message };
  }
  return { format: 'crossing-transcript', format_version: 1, story: story.id, story_version: story.version, seed, script, steps, end };
}

/** JSON as Python's json.dumps(value, ensure_ascii=False, indent=indent) writes it. */
function pythonJson(value, indent = null, depth = 0) {
  if (indent == null && depth == 0) {
    // On one line, with a blank after each `,` and `:` between items. JSON.stringify indented
    // puts ': ' after keys, and a line break (never inside a string, where it is escaped)
    // after `[`, `{` and each `,` between items: a transcript of 10,000 steps is written
    // several times faster this way than item by item.
    return JSON.stringify(value, null, 1).replace(/,\n */g, ', ').replace(/\n */g, '');
  }
  if (value === null || typeof value != 'object') return JSON.stringify(value);
  const list = Array.isArray(value);
  const items = list
    ? value.map((v) => pythonJson(v, indent, depth + 1))
    : Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}: ${pythonJson(v, indent, depth + 1)}`);
  const [open, close] = list ? '[]' : '{}';
  if (!items.length) return open + close;
  if (indent == null) return open + items.join(', ') + close;
  const pad = '\n' + ' '.repeat(indent * (depth + 1));
  return open + pad + items.join(',' + pad) + '\n' + ' '.repeat(indent * depth) + close;
}

function parseArgs(argv) {
  const options = { path: null, seed: null, script: null, json: false, batch: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i], [name, inline] = arg.startsWith('--') ? arg.split(/=(.*)/s) : [arg];
    if (name == '--help' || name == '-h') {
      process.stdout.write(USAGE + '\n');
      process.exit(0);
    }
    if (name == '--json' || name == '--batch') options[name.slice(2)] = true;
    else if (['--seed', '--script', '--save-file'].includes(name)) {
      const value = inline ?? argv[++i];
      if (value === undefined) throw new Failure(`${name} needs a value`, 2);
      options[name.slice(2)] = value;
    } else if (arg.startsWith('-') || options.path != null) throw new Failure(`unexpected argument '${arg}'; ${USAGE}`, 2);
    else options.path = arg;
  }
  if (options.path == null && !options.batch) throw new Failure(USAGE, 2);
  if (!options.json && !options.batch && options.script == null) {
    throw new Failure('give --script or --json: this command has no interactive play', 2);
  }
  if (options.path != null && !existsSync(options.path)) throw new Failure(`'${options.path}' does not exist`, 2);
  return options;
}

function parseSeed(text) {
  const seed = /^\s*\+?\d+\s*$/.test(text) ? Number(text) : NaN;
  if (!(seed <= MAX_SEED)) throw new Failure(`--seed: '${text}' is not a whole number from 0 to ${MAX_SEED}`, 2);
  return seed;
}

/** Script text ("1,2,u,s") as tokens, read as crossing.story.transcript.parse_script does. */
function parseScript(text) {
  const tokens = text.split(',').map((t) => t.trim().toLowerCase()).filter((t) => t);
  const bad = tokens.find((t) => !/^(u|s|\d*[1-9]\d*)$/.test(t));
  if (bad != null) throw new Error(`'${bad}' is not a choice number (from 1), 'u' (undo) or 's' (save)`);
  return tokens;
}

// What would make play fail on a compiled story, as crossing/story/compiled.py's _Validator
// finds it. The browser engine leaves this to the compiler (to stay small); a command should not.
function storyProblem({ scenes, variables, chapters, start, sites = [], numbers }) {
  const isObject = (x) => x !== null && typeof x == 'object' && !Array.isArray(x);
  const within = (i, list) => Number.isInteger(i) && i >= 0 && i < list.length;
  const arity = { var: 1, neg: 1, not: 1 };
  for (const op of '+ - * / % min max == != < <= > >= and or'.split(' ')) arity[op] = 2;
  const expr = (e, depth = 0) =>
    typeof e == 'boolean' || Number.isInteger(e) ||
    (Array.isArray(e) && depth <= 300 && Object.hasOwn(arity, e[0]) && e.length == arity[e[0]] + 1 &&
      (e[0] == 'var' ? within(e[1], variables) : e.slice(1).every((a) => expr(a, depth + 1))));
  const text = (t) =>
    typeof t == 'string' ||
    (Array.isArray(t) && t.every((p) => typeof p == 'string' || (isObject(p) &&
      ('if' in p ? expr(p.if) && text(p.then) && (p.else == null || text(p.else))
        : 'vary' in p ? ['once', 'seq', 'cycle'].includes(p.vary) && Array.isArray(p.parts) && p.parts.length > 0 &&
          p.parts.every(text) && within(p.site, sites)
        : ['int', 'bool', 'enum'].includes(p.type) && expr(p.expr) && (p.type != 'enum' || Array.isArray(p.values)) &&
          (p.format == null || (p.type == 'int' && Array.isArray(numbers?.formats?.[p.format == 'words' ? 'number' : p.format]) &&
            Array.isArray(numbers.sizes) && numbers.sizes.every((n) => Number.isInteger(n) && n > 0)))))));
  const effects = (list = []) => Array.isArray(list) && list.every((e) => Array.isArray(e) && within(e[0], variables) && expr(e[1]));
  const way = (w) => isObject(w) && within(w.target, scenes) && (w.if == null || expr(w.if)) && effects(w.effects);

  if (![scenes, variables, chapters].every(Array.isArray)) return 'no scenes, variables or chapters';
  if (!within(start, scenes)) return 'start scene out of range';
  for (const v of variables) {
    if (!['int', 'bool', 'enum'].includes(v?.type)) return `variable '${v?.name}' has an unknown type`;
    if (v.type == 'enum' && !(Array.isArray(v.values) && within(v.initial, v.values))) return `variable '${v.name}' starts outside its values`;
  }
  for (const c of chapters) if (!within(c?.start, scenes)) return `chapter '${c?.id}' starts at a scene out of range`;
  for (const s of scenes) {
    if (!isObject(s) || typeof s.id != 'string') return 'a scene without an id';
    const choices = s.choices ?? [], outcomes = s.chance?.outcomes ?? [];
    let problem = null;
    if (s.chapter != null && !within(s.chapter, chapters)) problem = 'chapter out of range';
    else if (s.chance && !(outcomes.length && outcomes.every((o) => Number.isInteger(o?.weight) && o.weight > 0) &&
      // a total of 2**32 or more would reject every draw
      outcomes.reduce((sum, o) => sum + o.weight, 0) === s.chance.total && s.chance.total < 2 ** 32)) {
      problem = 'chance weights must be positive and add up to its total';
    } else if (!effects(s.effects) || ![...(s.diverts ?? []), ...choices, ...outcomes].every(way)) {
      problem = 'a target, effect or condition a runtime cannot play';
    } else if (![s.text ?? '', s.ending?.epilogue ?? '', ...choices.map((c) => c.text)].every(text) ||
      !choices.every((c) => typeof c.id == 'string')) {
      problem = 'text or a choice a runtime cannot show';
    }
    if (problem) return `scene '${s.id}': ${problem}`;
  }
  return null;
}

function readStory(path, load) {
  try {
    const data = JSON.parse(readFileSync(path, 'utf8'));
    const story = load(data); // format and version first, with the engine's own messages
    const problem = storyProblem(data);
    if (problem) throw new Error(`malformed compiled story: ${problem}`);
    return story;
  } catch (e) {
    const why = e.code == 'EISDIR' ? 'it is a folder: give a compiled story (crossing compile PATH -o story.json)' : e.message;
    throw new Failure(`${path}: cannot read the compiled story: ${String(why).split('\n')[0]}`, 1);
  }
}

// One batch line: a transcript, or why the run cannot be played. `story(path)` reads a story
// (once); a run without a "story" plays the one named on the command line.
function playLine(line, story, engine) {
  try {
    const run = JSON.parse(line);
    if (run === null || typeof run != 'object' || Array.isArray(run)) throw new Error('a run is {"seed": N, "script": "1,2"}');
    const { seed = 0, script = '', story: path = null } = run;
    if (path !== null && typeof path != 'string') throw new Error('story must be the path of a compiled story');
    if (!Number.isInteger(seed) || seed < 0 || seed > MAX_SEED) throw new Error(`seed must be from 0 to ${MAX_SEED}`);
    if (typeof script != 'string' && !(Array.isArray(script) && script.every((t) => typeof t == 'string'))) {
      throw new Error('script must be text or a list of tokens');
    }
    const tokens = parseScript(typeof script == 'string' ? script : script.join(','));
    return pythonJson(runScript(engine, story(path), seed, tokens));
  } catch (e) {
    return pythonJson({ error: e.message });
  }
}

async function main(argv) {
  const options = parseArgs(argv);
  const seed = options.seed == null ? 0 : parseSeed(options.seed);
  const engine = await importEngine();
  const story = options.path == null ? null : readStory(options.path, engine.load);
  if (options.batch) {
    const stories = new Map();
    const storyAt = (path) => {
      if (path == null) return story ?? fail('no story: name one on the command line or in the run');
      if (!stories.has(path)) stories.set(path, readStory(path, engine.load));
      return stories.get(path);
    };
    let failed = false;
    for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
      if (!line.trim()) continue;
      const answer = playLine(line, storyAt, engine);
      failed ||= answer.startsWith('{"error": ');
      process.stdout.write(answer + '\n'); // synchronous for pipes and files
    }
    return failed ? 1 : 0;
  }
  let script;
  try {
    script = parseScript(options.script ?? '');
  } catch (e) {
    throw new Failure(`--script: ${e.message}`, 2);
  }
  const transcript = runScript(engine, story, seed, script);
  process.stdout.write(pythonJson(transcript, options.json ? null : 1) + '\n');
  return transcript.end.status == 'error' ? 1 : 0;
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (e) {
  // A Failure is meant for the user; anything else is a bug, still told in one line.
  process.stderr.write(`error: ${e instanceof Failure ? e.message : `internal error: ${String(e).split('\n')[0]}`}\n`);
  process.exitCode = e instanceof Failure ? e.status : 70;
}
