// What a valid compiled story is (docs/compiled-format.md, "Validity"), checked on its JSON:
// crossing/story/validation.py line for line, the same rules in the same order with the same
// messages, so that both runtimes refuse a file with the same line (tests/refusal).

const FORMAT = 'crossing-story';
const VERSIONS = [1, 2, 3];
const PREFIX = 'the compiled story is not valid';
const INT_LIMIT = 2147483647;
const MAX_TOTAL = 2 ** 32;
const MAX_DOCUMENT_DEPTH = 400;
const MAX_EXPR_DEPTH = 200;
const MAX_TEXT_DEPTH = 100;
const MAX_GROUP_SIZE = 100;
const UNARY = { neg: 'int', not: 'bool' };
const BINARY = {};
for (const [ops, operand, result, since] of [
  ['+ - *', 'int', 'int', 1], ['/ % min max', 'int', 'int', 3], ['< <= > >=', 'int', 'bool', 1],
  ['== !=', null, 'bool', 1], ['and or', 'bool', 'bool', 1],
]) for (const op of ops.split(' ')) BINARY[op] = [operand, result, since];
const VARIABLE_TYPES = ['int', 'bool', 'enum'];
const VARIATION_KINDS = ['once', 'seq', 'cycle'];
const BASES = ['record', 'estimate'];
const LONE_SURROGATE = /[\ud800-\udfff]/u; // with u, a pair is one code point: only lone ones match
const STRING = /"[^"\\]*(?:\\[\s\S][^"\\]*)*"/g; // a JSON string, escapes and all
const BRACKET = /[[\]{}]/g;

export class Invalid extends Error {
  constructor(where, what) {
    super(`${PREFIX}: ${where}: ${what}`);
  }
}

const has = (obj, key) => Object.hasOwn(obj, key);
const isObject = (x) => x !== null && typeof x == 'object' && !Array.isArray(x);
const isInt = Number.isInteger;
const key = (k) => '[' + JSON.stringify(k) + ']';

/** A compiled file's bytes (a Uint8Array) as JSON values. */
export function read(raw) {
  let text;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(raw);
  } catch {
    throw new Invalid('the file', 'is not UTF-8 text');
  }
  let depth = 0, deepest = 0;
  for (const [bracket] of text.replace(STRING, '').matchAll(BRACKET)) {
    depth += '[{'.includes(bracket) ? 1 : -1;
    deepest = Math.max(deepest, depth);
  }
  if (deepest > MAX_DOCUMENT_DEPTH) throw new Invalid('the file', `nests more than ${MAX_DOCUMENT_DEPTH} levels deep`);
  try {
    return JSON.parse(text);
  } catch {
    throw new Invalid('the file', 'is not JSON');
  }
}

/** Throw Invalid for the first rule `data` breaks. */
export function check(data) {
  new Checker(data).document();
}

// An expression's type: "int", "bool", "lit" (an integer literal: an int or an enum's value)
// or "enum:N" (a value of an enum variable with N values).
class Checker {
  constructor(data) {
    Object.assign(this, { data, version: 0, variables: [], scenes: [], chapters: [], sites: [], numbers: null, kinds: [] });
  }

  // -- values --

  field(obj, k, where) {
    if (!has(obj, k)) throw new Invalid(where ? `${where}.${k}` : k, 'is missing');
    return obj[k];
  }

  text(value, where, nonEmpty = false) {
    if (typeof value != 'string') throw new Invalid(where, 'must be text');
    if (LONE_SURROGATE.test(value)) throw new Invalid(where, 'contains a lone surrogate (not Unicode text)');
    if (nonEmpty && !value) throw new Invalid(where, 'must not be empty');
    return value;
  }

  integer(value, where, low, high, what = '') {
    if (!isInt(value)) throw new Invalid(where, 'must be an integer');
    if (!(low <= value && value <= high)) throw new Invalid(where, what || `must be from ${low} to ${high}`);
    return value;
  }

  index(value, where, items, what) {
    if (!items.length) throw new Invalid(where, `must be the index of ${what}, and there are none`);
    return this.integer(value, where, 0, items.length - 1, `must be the index of ${what} (from 0 to ${items.length - 1})`);
  }

  obj(value, where) {
    if (!isObject(value)) throw new Invalid(where, 'must be an object');
    for (const k of Object.keys(value)) {
      if (LONE_SURROGATE.test(k)) throw new Invalid(where, 'has a key with a lone surrogate (not Unicode text)');
    }
    return value;
  }

  array(value, where, nonEmpty = false) {
    if (!Array.isArray(value)) throw new Invalid(where, 'must be a list');
    if (nonEmpty && !value.length) throw new Invalid(where, 'must not be empty');
    return value;
  }

  texts(value, where, unique = false) {
    const items = this.array(value, where), seen = new Set(); // not a list: a hostile file may have a million values
    items.forEach((item, i) => {
      this.text(item, `${where}[${i}]`, unique);
      if (unique && seen.has(item)) throw new Invalid(`${where}[${i}]`, 'repeats an earlier value');
      seen.add(item);
    });
    return items;
  }

  optionalText(obj, k, where) {
    if (has(obj, k)) this.text(obj[k], `${where}.${k}`);
  }

  needs(version, where, what) {
    if (this.version < version) throw new Invalid(where, `${what} needs format version ${version} or later`);
  }

  // -- the document --

  document() {
    const { data } = this;
    if (!isObject(data) || !has(data, 'format') || data.format !== FORMAT) throw new Invalid('format', 'this is not a compiled Crossing story');
    const version = has(data, 'format_version') ? data.format_version : null;
    if (!isInt(version) || !VERSIONS.includes(version)) throw new Invalid('format_version', 'this runtime reads versions 1 to 3; compile the story again');
    this.version = version;
    this.obj(data, 'the file');
    for (const k of ['hash', 'id', 'title', 'version', 'language']) this.text(this.field(data, k, ''), k);
    this.kinds = this.texts(this.field(data, 'ending_kinds', ''), 'ending_kinds', true);
    const variables = this.array(this.field(data, 'variables', ''), 'variables'), names = new Set();
    variables.forEach((v, i) => this.variable(v, `variables[${i}]`, names));
    this.variables = variables;
    if (has(data, 'sites')) {
      this.needs(2, 'sites', 'variations');
      this.sites = this.texts(data.sites, 'sites', true);
    }
    if (has(data, 'numbers')) {
      this.needs(2, 'numbers', 'number formats');
      this.numbersField(data.numbers);
    }
    this.scenes = this.array(this.field(data, 'scenes', ''), 'scenes', true);
    this.index(this.field(data, 'start', ''), 'start', this.scenes, 'a scene');
    this.chapters = this.array(this.field(data, 'chapters', ''), 'chapters');
    this.chapters.forEach((chapter, i) => {
      const where = `chapters[${i}]`;
      this.obj(chapter, where);
      this.text(this.field(chapter, 'id', where), `${where}.id`, true);
      this.text(this.field(chapter, 'title', where), `${where}.title`);
      this.index(this.field(chapter, 'start', where), `${where}.start`, this.scenes, 'a scene');
    });
    const sources = this.obj(this.field(data, 'sources', ''), 'sources');
    for (const k of Object.keys(sources)) this.source(sources[k], 'sources' + key(k));
    const places = this.obj(this.field(data, 'places', ''), 'places');
    for (const k of Object.keys(places)) this.place(places[k], 'places' + key(k));
    const ids = new Set();
    this.scenes.forEach((scene, i) => this.scene(scene, `scenes[${i}]`, ids));
  }

  variable(variable, where, names) {
    this.obj(variable, where);
    const name = this.text(this.field(variable, 'name', where), `${where}.name`, true);
    if (names.has(name)) throw new Invalid(`${where}.name`, "repeats an earlier variable's name");
    names.add(name);
    const kind = this.field(variable, 'type', where);
    if (!VARIABLE_TYPES.includes(kind)) throw new Invalid(`${where}.type`, 'must be "int", "bool" or "enum"');
    const initial = this.field(variable, 'initial', where);
    if (kind == 'int') {
      let low = null, high = null;
      if (has(variable, 'low')) low = this.integer(variable.low, `${where}.low`, -INT_LIMIT, INT_LIMIT);
      if (has(variable, 'high')) high = this.integer(variable.high, `${where}.high`, -INT_LIMIT, INT_LIMIT);
      if (low != null && high != null && low > high) throw new Invalid(`${where}.high`, 'must not be below low');
      this.integer(initial, `${where}.initial`, low ?? -INT_LIMIT, high ?? INT_LIMIT, "must be within the variable's range");
    } else if (kind == 'bool') {
      if (typeof initial != 'boolean') throw new Invalid(`${where}.initial`, 'must be true or false');
    } else {
      const values = this.texts(this.field(variable, 'values', where), `${where}.values`, true);
      if (!values.length) throw new Invalid(`${where}.values`, 'must not be empty');
      this.index(initial, `${where}.initial`, values, 'one of its values');
      if (has(variable, 'labels')) {
        const labels = this.texts(variable.labels, `${where}.labels`);
        if (labels.length != values.length) throw new Invalid(`${where}.labels`, 'must have one label for each value');
      }
    }
    this.optionalText(variable, 'label', where);
    if (has(variable, 'internal') && typeof variable.internal != 'boolean') throw new Invalid(`${where}.internal`, 'must be true or false');
  }

  numbersField(numbers) {
    this.obj(numbers, 'numbers');
    this.text(this.field(numbers, 'group', 'numbers'), 'numbers.group');
    const sizes = this.array(this.field(numbers, 'sizes', 'numbers'), 'numbers.sizes');
    if (sizes.length != 2) throw new Invalid('numbers.sizes', 'must have two sizes');
    sizes.forEach((size, i) => this.integer(size, `numbers.sizes[${i}]`, 1, MAX_GROUP_SIZE));
    if (has(numbers, 'words')) this.texts(numbers.words, 'numbers.words');
    const formats = this.obj(this.field(numbers, 'formats', 'numbers'), 'numbers.formats');
    for (const k of Object.keys(formats)) {
      const where = 'numbers.formats' + key(k);
      if (this.texts(formats[k], where).length != 4) throw new Invalid(where, 'must have four affixes');
    }
    this.numbers = numbers;
  }

  source(source, where) {
    this.obj(source, where);
    for (const k of ['title', 'author', 'confidence']) this.text(this.field(source, k, where), `${where}.${k}`);
    for (const k of ['date', 'url', 'note']) this.optionalText(source, k, where);
  }

  place(place, where) {
    this.obj(place, where);
    this.text(this.field(place, 'name', where), `${where}.name`);
    for (const [k, limit] of [['lat', 90], ['lon', 180]]) {
      if (has(place, k) && !(typeof place[k] == 'number' && -limit <= place[k] && place[k] <= limit)) {
        throw new Invalid(`${where}.${k}`, `must be a number from -${limit} to ${limit}`);
      }
    }
    this.optionalText(place, 'country', where);
  }

  // -- scenes --

  scene(scene, where, ids) {
    this.obj(scene, where);
    const id = this.text(this.field(scene, 'id', where), `${where}.id`, true);
    if (ids.has(id)) throw new Invalid(`${where}.id`, "repeats an earlier scene's id");
    ids.add(id);
    if (has(scene, 'chapter')) this.index(scene.chapter, `${where}.chapter`, this.chapters, 'a chapter');
    for (const k of ['title', 'place', 'date', 'era']) this.optionalText(scene, k, where);
    for (const k of ['tags', 'sources']) if (has(scene, k)) this.texts(scene[k], `${where}.${k}`);
    this.array(has(scene, 'media') ? scene.media : [], `${where}.media`).forEach((media, i) => {
      const at = `${where}.media[${i}]`;
      this.obj(media, at);
      for (const k of ['kind', 'src']) this.text(this.field(media, k, at), `${at}.${k}`);
      for (const k of ['alt', 'caption', 'credit']) this.optionalText(media, k, at);
    });
    this.effects(scene, where);
    if (has(scene, 'text')) this.rich(scene.text, `${where}.text`, 0);
    this.array(has(scene, 'diverts') ? scene.diverts : [], `${where}.diverts`).forEach((d, i) => this.way(d, `${where}.diverts[${i}]`, true, false));
    this.array(has(scene, 'choices') ? scene.choices : [], `${where}.choices`).forEach((choice, i) => {
      const at = `${where}.choices[${i}]`;
      this.obj(choice, at);
      this.text(this.field(choice, 'id', at), `${at}.id`, true);
      this.rich(this.field(choice, 'text', at), `${at}.text`, 0);
      this.way(choice, at, true, true);
    });
    if (has(scene, 'chance')) this.chance(scene.chance, `${where}.chance`);
    if (has(scene, 'ending')) {
      const at = `${where}.ending`, ending = this.obj(scene.ending, at);
      const kind = this.text(this.field(ending, 'kind', at), `${at}.kind`);
      if (!this.kinds.includes(kind)) throw new Invalid(`${at}.kind`, 'must be one of ending_kinds');
      if (has(ending, 'epilogue')) this.rich(ending.epilogue, `${at}.epilogue`, 0);
    }
  }

  way(way, where, condition, effects) {
    this.obj(way, where);
    this.index(this.field(way, 'target', where), `${where}.target`, this.scenes, 'a scene');
    if (condition && has(way, 'if')) this.expect(way.if, `${where}.if`, 'bool');
    if (effects) this.effects(way, where);
  }

  effects(obj, where) {
    this.array(has(obj, 'effects') ? obj.effects : [], `${where}.effects`).forEach((effect, i) => {
      const at = `${where}.effects[${i}]`, pair = this.array(effect, at);
      if (pair.length != 2) throw new Invalid(at, 'must be [variable index, expression]');
      const v = this.index(pair[0], `${at}[0]`, this.variables, 'a variable');
      this.expect(pair[1], `${at}[1]`, this.varType(v));
    });
  }

  chance(chance, where) {
    this.obj(chance, where);
    const outcomes = this.array(this.field(chance, 'outcomes', where), `${where}.outcomes`, true);
    const total = this.integer(this.field(chance, 'total', where), `${where}.total`, 1, MAX_TOTAL);
    let added = 0;
    outcomes.forEach((outcome, i) => {
      const at = `${where}.outcomes[${i}]`;
      this.obj(outcome, at);
      added += this.integer(this.field(outcome, 'weight', at), `${at}.weight`, 1, MAX_TOTAL);
      if (added > total) throw new Invalid(`${at}.weight`, 'makes the weights add up to more than the total');
      this.way(outcome, at, false, true);
    });
    if (added != total) throw new Invalid(`${where}.total`, 'must be the sum of the weights');
    if (has(chance, 'basis') && !BASES.includes(chance.basis)) throw new Invalid(`${where}.basis`, 'must be "record" or "estimate"');
    for (const k of ['sources', 'background']) if (has(chance, k)) this.texts(chance[k], `${where}.${k}`);
    for (const k of ['note', 'assumption']) this.optionalText(chance, k, where);
  }

  // -- text --

  rich(text, where, depth) {
    if (typeof text == 'string') return void this.text(text, where);
    if (depth == MAX_TEXT_DEPTH) throw new Invalid(where, `nests text more than ${MAX_TEXT_DEPTH} levels deep`);
    this.array(text, where).forEach((part, i) => {
      const at = `${where}[${i}]`;
      if (typeof part == 'string') return void this.text(part, at);
      this.obj(part, at);
      const kinds = ['expr', 'if', 'vary'].filter((k) => has(part, k));
      if (kinds.length != 1) throw new Invalid(at, 'must be text, or one of an interpolation, a conditional or a variation');
      if (kinds[0] == 'expr') this.interpolation(part, at);
      else if (kinds[0] == 'if') {
        this.expect(part.if, `${at}.if`, 'bool');
        this.rich(this.field(part, 'then', at), `${at}.then`, depth + 1);
        if (has(part, 'else')) this.rich(part.else, `${at}.else`, depth + 1);
      } else {
        this.needs(2, at, 'a variation');
        if (!VARIATION_KINDS.includes(part.vary)) throw new Invalid(`${at}.vary`, 'must be "once", "seq" or "cycle"');
        const parts = this.array(this.field(part, 'parts', at), `${at}.parts`, true);
        parts.forEach((branch, j) => this.rich(branch, `${at}.parts[${j}]`, depth + 1));
        this.index(this.field(part, 'site', at), `${at}.site`, this.sites, 'a site');
      }
    });
  }

  interpolation(part, where) {
    const kind = this.field(part, 'type', where);
    if (!VARIABLE_TYPES.includes(kind)) throw new Invalid(`${where}.type`, 'must be "int", "bool" or "enum"');
    if (kind == 'enum') {
      const values = this.texts(this.field(part, 'values', where), `${where}.values`);
      if (!values.length) throw new Invalid(`${where}.values`, 'must not be empty');
      this.expect(part.expr, `${where}.expr`, `enum:${values.length}`);
    } else this.expect(part.expr, `${where}.expr`, kind);
    if (has(part, 'format')) {
      this.needs(2, `${where}.format`, 'a number format');
      const name = part.format, formats = this.numbers?.formats ?? {};
      if (kind != 'int' || typeof name != 'string') throw new Invalid(`${where}.format`, 'only an int is shown in a number format');
      if (!has(formats, name == 'words' ? 'number' : name)) throw new Invalid(`${where}.format`, 'must be a format in numbers.formats');
    }
  }

  // -- expressions --

  varType(index) {
    const v = this.variables[index];
    return v.type == 'enum' ? `enum:${v.values.length}` : v.type;
  }

  expect(expr, where, want) {
    const found = this.expression(expr, where, 0);
    if (!fits(found, want, expr)) throw new Invalid(where, `must be ${describe(want)}, not ${describe(found)}`);
  }

  expression(expr, where, depth) {
    if (typeof expr == 'boolean') return 'bool';
    if (isInt(expr)) {
      this.integer(expr, where, -INT_LIMIT, INT_LIMIT);
      return 'lit';
    }
    if (!Array.isArray(expr) || !expr.length) throw new Invalid(where, 'must be an expression');
    if (depth == MAX_EXPR_DEPTH) throw new Invalid(where, `nests more than ${MAX_EXPR_DEPTH} levels deep`);
    const [op, ...args] = expr;
    if (op === 'var') {
      if (args.length != 1) throw new Invalid(where, '"var" takes one variable index');
      return this.varType(this.index(args[0], `${where}[1]`, this.variables, 'a variable'));
    }
    if (typeof op != 'string' || (!has(UNARY, op) && !has(BINARY, op))) throw new Invalid(`${where}[0]`, 'is not an operator');
    if (has(UNARY, op)) {
      if (args.length != 1) throw new Invalid(where, `"${op}" takes one operand`);
      this.operand(args[0], `${where}[1]`, UNARY[op], depth);
      return UNARY[op];
    }
    const [operand, result, since] = BINARY[op];
    this.needs(since, `${where}[0]`, `the operator "${op}"`);
    if (args.length != 2) throw new Invalid(where, `"${op}" takes two operands`);
    if (operand != null) {
      this.operand(args[0], `${where}[1]`, operand, depth);
      this.operand(args[1], `${where}[2]`, operand, depth);
      return result;
    }
    const left = this.expression(args[0], `${where}[1]`, depth + 1);
    const right = this.expression(args[1], `${where}[2]`, depth + 1);
    const lit = left == 'lit' || right == 'lit';
    if (left != right && !(lit && ![left, right].every((t) => t == 'lit' || t == 'bool'))) {
      throw new Invalid(where, `compares ${describe(left)} with ${describe(right)}`);
    }
    if (lit && left != right) {
      const [en, literal] = left == 'lit' ? [right, args[0]] : [left, args[1]];
      if (!fits('lit', en, literal)) throw new Invalid(where, `compares ${describe(en)} with a value beyond its list`);
    }
    return result;
  }

  operand(expr, where, want, depth) {
    const found = this.expression(expr, where, depth + 1);
    if (!fits(found, want, expr)) throw new Invalid(where, `must be ${describe(want)}, not ${describe(found)}`);
  }
}

function fits(found, want, expr) {
  if (found == want) return true;
  if (found != 'lit') return false;
  if (want == 'int') return true;
  if (want.startsWith('enum:')) return 0 <= expr && expr < +want.slice(5);
  return false;
}

function describe(kind) {
  if (kind.startsWith('enum:')) return `a value of a set of ${kind.slice(5)}`;
  return { int: 'an int', bool: 'true or false', lit: 'an integer' }[kind];
}
