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
// A story is checked first (./validate.mjs): one that is not valid is refused with the same
// line as `crossing play` prints (docs/compiled-format.md, "Validity").
//
// Exit status as `crossing play`: 0; 1 when the story cannot be read or the transcript ends
// in an error (in --batch: when any line had an error); 2 for a wrong command line. Every
// error is one line on standard error.

import { existsSync, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { Invalid, check, read } from './validate.mjs';

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
// ASCII digits and ASCII spaces only, so that both runtimes read every script alike.
function parseScript(text) {
  const tokens = text.split(',').map((t) => t.replace(/^[ \t\n\r\f\v]+|[ \t\n\r\f\v]+$/g, '')).filter((t) => t);
  const bad = tokens.find((t) => !/^([uUsS]|[0-9]*[1-9][0-9]*)$/.test(t));
  if (bad != null) throw new Error(`'${bad}' is not a choice number (from 1, in ASCII digits), 'u' (undo) or 's' (save)`);
  return tokens.map((t) => t.toLowerCase());
}

function readStory(path, load) {
  let raw;
  try {
    raw = readFileSync(path);
  } catch (e) {
    const why = e.code == 'EISDIR' ? 'it is a folder: give a compiled story (crossing compile PATH -o story.json)' : e.message;
    throw new Failure(`${path}: cannot read the compiled story: ${String(why).split('\n')[0]}`, 1);
  }
  try {
    const data = read(raw);
    check(data); // every rule, with crossing/story/validation.py's messages
    return load(data);
  } catch (e) {
    if (!(e instanceof Invalid)) throw e;
    throw new Failure(`${path}: ${e.message}`, 1);
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
