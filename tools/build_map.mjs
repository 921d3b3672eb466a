// Build the journey player's base map: crossing/web/static/crossing/map.svg.
//
// What: reads Natural Earth country shapes (1:50m) from the npm package world-atlas,
// projects them with a plain equirectangular projection (x scaled by the cosine of the
// box's mid-latitude), simplifies the shared borders once (so neighbours still meet),
// clips them to the region of the story (every place in content/places.toml plus a
// margin: Tynda in the north to Phnom Penh in the south, Chiang Rai to Khabarovsk) and
// writes one small SVG with one <path> per country and a few labels.
//
// Why: the site ships a static file, never the 750 KB atlas or a mapping library; the
// player only needs the four numbers on the root (data-lon0, data-lat0, data-kx,
// data-ky) to put a place on it: x = (lon - lon0) * kx, y = (lat0 - lat) * ky.
// The SVG has no style attribute and no <style> element (the site's Content-Security-
// Policy forbids inline styles): classes only, styled by the site's CSS.
//
// Run once by hand after changing anything here (it finds its inputs from its own place):
//     node tools/build_map.mjs [output.svg]
// (default output: crossing/web/static/crossing/map.svg). The output is deterministic:
// the same input gives the same bytes, which tests/editions/test_map.py checks.
//
// Data: Natural Earth (naturalearthdata.com), public domain, as TopoJSON in the npm
// package world-atlas (countries-50m.json), read with topojson-client. 1:50m and not
// 1:10m: the finer file is three times the bytes and no truer where it matters (its
// Tumen and Yalu put Musan and Hyesan on the Chinese bank; 1:50m puts them in North
// Korea). At either scale Natural Earth's borders are only good to a few km, so towns
// that face each other across a border river (Namyang/Tumen, Hyesan/Changbai,
// Houayxay/Chiang Khong) can land a little on the wrong side: the map is for showing
// where a route goes, not for telling which bank a dot is on.

import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { simplify } from './simplify.mjs';

const require = createRequire(import.meta.url);
const { feature } = require('topojson-client');

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const ATLAS = resolve(ROOT, 'node_modules/world-atlas/countries-50m.json');
const OUTPUT = resolve(process.argv[2] ?? resolve(ROOT, 'crossing/web/static/crossing/map.svg'));

// The box: places.toml spans 11.6N-55.1N and 99.8E-135.1E; ~1.5 degrees of margin,
// rounded out to whole degrees, and more in the west: the player frames a route as long as
// Bangkok to Ulaanbaatar no narrower than 3:4, which shows land to about 93E, not an edge.
const WEST = 93, EAST = 137, SOUTH = 10, NORTH = 57;
// kx/ky = 25/30 = cos(33.56 deg), the cosine of the box's mid-latitude (33.5) to three
// digits: round scale factors keep the player's arithmetic and the file's numbers short.
const KX = 25, KY = 30;
const WIDTH = (EAST - WEST) * KX, HEIGHT = (NORTH - SOUTH) * KY; // 1100 x 1410
// Land is drawn 1 degree beyond the view, so the clip edges (and their strokes) stay out
// of sight even where the player's frame shows a little past the edge. There is no sea
// shape: the sea is the background the site's CSS gives the <svg>.
const BLEED = 25;

// Douglas-Peucker tolerance in map units (1 unit = 0.04 deg of longitude, ~3.5 km).
// Finer in the detail box around the Korean borders, where the player zooms closest
// (the Tumen and Yalu towns are a few km apart across the river).
const TOLERANCE = 0.8, DETAIL_TOLERANCE = 0.1;
const DETAIL = { west: 123, east: 131.5, south: 37, north: 43.5 };
// Islands smaller than this (in square units; a unit² is ~13 km²) are dropped.
const MIN_AREA = 4;

// world-atlas ids are ISO 3166-1 numeric; the player and the site's CSS use alpha-2.
// Every country that reaches into the box (the build stops on any other).
const ISO = {
  '408': 'KP', '156': 'CN', '496': 'MN', '643': 'RU', '418': 'LA', '704': 'VN',
  '764': 'TH', '410': 'KR', '392': 'JP', '116': 'KH', '104': 'MM', '158': 'TW',
  '608': 'PH', '356': 'IN', '344': 'HK', '446': 'MO', '064': 'BT', '050': 'BD',
};
const FOCUS = new Set(['KP', 'CN', 'MN', 'RU', 'LA', 'VN', 'TH', 'KR']);

// Labels: few, inside their country, clear of the places the route visits. China and Russia
// are named more than once, near the parts of them the routes cross, because the player
// frames a route closely and must always show a country's name (it widens to the nearest).
const LABELS = [
  ['RUSSIA', 112, 54.6],
  ['RUSSIA', 135.4, 46.6],
  ['CHINA', 124.6, 46.6],
  ['CHINA', 104.6, 27.4],
  ['MONGOLIA', 103.5, 46.2],
  ['CHINA', 108.5, 33.5],
  ['N. KOREA', 127.1, 40.4],
  ['S. KOREA', 127.9, 36],
  ['LAOS', 103.2, 18.8],
  ['VIETNAM', 105.4, 22.3],
  ['THAILAND', 101.5, 16],
  ['JAPAN', 135.5, 35.7],
];

const project = ([lon, lat]) => [(lon - WEST) * KX, (NORTH - lat) * KY];

// --- Simplify the topology's arcs (shared borders are simplified once, identically) ---

function decodeArcs(topology) {
  const [sx, sy] = topology.transform.scale, [tx, ty] = topology.transform.translate;
  return topology.arcs.map((arc) => {
    let x = 0, y = 0;
    return arc.map(([dx, dy]) => project([(x += dx) * sx + tx, (y += dy) * sy + ty]));
  });
}

const inDetail = (points) => points.some(([x, y]) =>
  x >= (DETAIL.west - WEST) * KX && x <= (DETAIL.east - WEST) * KX &&
  y >= (NORTH - DETAIL.north) * KY && y <= (NORTH - DETAIL.south) * KY);

// --- Clip (Sutherland-Hodgman against each side of the bled rectangle) ---

function clipRing(ring) {
  const sides = [
    [(p) => p[0] >= -BLEED, (a, b) => cut(a, b, 0, -BLEED)],
    [(p) => p[0] <= WIDTH + BLEED, (a, b) => cut(a, b, 0, WIDTH + BLEED)],
    [(p) => p[1] >= -BLEED, (a, b) => cut(a, b, 1, -BLEED)],
    [(p) => p[1] <= HEIGHT + BLEED, (a, b) => cut(a, b, 1, HEIGHT + BLEED)],
  ];
  let output = ring;
  for (const [inside, intersect] of sides) {
    const input = output;
    output = [];
    input.forEach((current, i) => {
      const previous = input[(i + input.length - 1) % input.length];
      if (inside(current)) {
        if (!inside(previous)) output.push(intersect(previous, current));
        output.push(current);
      } else if (inside(previous)) {
        output.push(intersect(previous, current));
      }
    });
    if (!output.length) break;
  }
  return output;
}

function cut(a, b, axis, value) {
  const t = (value - a[axis]) / (b[axis] - a[axis]);
  const point = [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])];
  point[axis] = value;
  return point;
}

// --- Path data: tenths of a unit, absolute M per ring, then relative l ---

const tenths = (v) => Math.round(v * 10);

function number(t) {
  const sign = t < 0 ? '-' : '', a = Math.abs(t), whole = Math.floor(a / 10), tenth = a % 10;
  return sign + (whole || !tenth ? String(whole) : '') + (tenth ? '.' + tenth : '');
}

function join(numbers) {
  return numbers.map((n, i) => (i && !n.startsWith('-') ? ' ' : '') + n).join('');
}

function area(ring) {
  let sum = 0;
  ring.forEach(([x, y], i) => {
    const [nx, ny] = ring[(i + 1) % ring.length];
    sum += x * ny - nx * y;
  });
  return Math.abs(sum) / 20 / 10; // tenths² -> units²
}

function ringPath(ring) {
  // Round, then drop repeated points (and the closing one: z closes the ring).
  const points = [];
  for (const [x, y] of ring) {
    const p = [tenths(x), tenths(y)], last = points[points.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) points.push(p);
  }
  while (points.length > 1 && String(points[0]) === String(points[points.length - 1])) points.pop();
  if (points.length < 3 || area(points) < MIN_AREA) return '';
  const [[x0, y0], ...rest] = points;
  const deltas = [];
  let [x, y] = [x0, y0];
  for (const [px, py] of rest) deltas.push(number(px - x), number(py - y)), ([x, y] = [px, py]);
  return `M${join([number(x0), number(y0)])}l${join(deltas)}z`;
}

// --- Build ---

const topology = JSON.parse(readFileSync(ATLAS, 'utf8'));
const arcs = decodeArcs(topology);
topology.arcs = arcs.map((arc) => simplify(arc, inDetail(arc) ? DETAIL_TOLERANCE : TOLERANCE));
delete topology.transform; // arcs are now absolute, projected coordinates

const countries = [];
for (const country of feature(topology, topology.objects.countries).features) {
  const { geometry } = country;
  if (!geometry) continue;
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const d = polygons.flat().map((ring) => ringPath(clipRing(ring))).join('');
  if (!d) continue;
  const iso = ISO[country.id];
  if (!iso) throw new Error(`no ISO code for ${country.id} ${country.properties.name}`);
  countries.push({ iso, name: country.properties.name, d });
}
countries.sort((a, b) => a.iso.localeCompare(b.iso));

const escape = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
const lines = [
  `<svg xmlns="http://www.w3.org/2000/svg" class="map" viewBox="0 0 ${WIDTH} ${HEIGHT}"` +
    ` role="img" aria-labelledby="map-title" data-lon0="${WEST}" data-lat0="${NORTH}"` +
    ` data-kx="${KX}" data-ky="${KY}">`,
  '<title id="map-title">Map of the region: North Korea, China, Mongolia, the Russian Far ' +
    'East, Laos, Vietnam, Thailand and South Korea</title>',
  '<desc id="map-source">Country shapes: Natural Earth 1:50m (public domain), via world-atlas.</desc>',
  '<g class="countries">',
  ...countries.map(({ iso, name, d }) =>
    `<path id="map-${iso}" class="land${FOCUS.has(iso) ? ' focus' : ''}" data-iso="${iso}"` +
      ` data-name="${escape(name)}" d="${d}"/>`),
  '</g>',
  '<g class="labels" aria-hidden="true">',
  ...LABELS.map(([text, lon, lat]) => {
    const [x, y] = project([lon, lat]).map((v) => number(tenths(v)));
    return `<text class="label" x="${x}" y="${y}" text-anchor="middle">${text}</text>`;
  }),
  '</g>',
  '<g id="map-route" class="route"></g>',
  '</svg>',
];
writeFileSync(OUTPUT, lines.join('\n') + '\n');
