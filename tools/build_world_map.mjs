// Build the screenings' world map: crossing/web/static/crossing/screenings-world.svg.
//
// What: Natural Earth country shapes (1:110m, from the npm package world-atlas), in a plain
// equirectangular projection (x = (lon + 180) * 3, y = (84 - lat) * 3: one degree is three
// units), from 84N to 56S (Antarctica left out), simplified and written as one SVG.
//
// Why: the screenings' list draws its map on the server (crossing/web/screenings/map.py): an
// inline <svg> that shows this file as an <image> and puts a point on it for each screening.
// No tiles, no mapping library, nothing fetched from another site. Shown as an image, the
// file cannot be styled by the site's CSS, so its colours are presentation attributes (not
// style attributes, which the site's Content-Security-Policy forbids).
//
// Run once by hand after changing anything here:
//     node tools/build_world_map.mjs [output.svg]
// The output is deterministic (same input, same bytes).

import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { simplify } from './simplify.mjs';

const require = createRequire(import.meta.url);
const { feature } = require('topojson-client');

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const ATLAS = resolve(ROOT, 'node_modules/world-atlas/countries-110m.json');
const OUTPUT = resolve(
  process.argv[2] ?? resolve(ROOT, 'crossing/web/static/crossing/screenings-world.svg'));

// Kept in step with crossing/web/screenings/map.py.
const K = 3, NORTH = 84, SOUTH = -56;
const WIDTH = 360 * K, HEIGHT = (NORTH - SOUTH) * K; // 1080 x 420
const TOLERANCE = 0.6; // map units (0.2 degrees)
const MIN_AREA = 2; // square units: smaller islands are dropped
const ANTARCTICA = '010';

const project = ([lon, lat]) => [(lon + 180) * K, (NORTH - Math.max(lat, SOUTH - 1)) * K];

const tenths = (v) => Math.round(v * 10);

function number(t) {
  const sign = t < 0 ? '-' : '', a = Math.abs(t), whole = Math.floor(a / 10), tenth = a % 10;
  return sign + (whole || !tenth ? String(whole) : '') + (tenth ? '.' + tenth : '');
}

const join = (numbers) => numbers.map((n, i) => (i && !n.startsWith('-') ? ' ' : '') + n).join('');

function area(points) {
  let sum = 0;
  points.forEach(([x, y], i) => {
    const [nx, ny] = points[(i + 1) % points.length];
    sum += x * ny - nx * y;
  });
  return Math.abs(sum) / 200;
}

// A ring that crosses the antimeridian (Russia, Fiji) jumps by 360 degrees of longitude:
// unwrap it into one piece, then draw it again a world to the left or right, so that both
// of its ends show (the viewBox clips what lies beyond).
function unwrap(ring) {
  const out = [];
  let shift = 0;
  ring.forEach(([lon, lat], i) => {
    if (i) {
      const step = lon + shift - out[i - 1][0];
      if (step > 180) shift -= 360;
      else if (step < -180) shift += 360;
    }
    out.push([lon + shift, lat]);
  });
  return out;
}

function ringPaths(ring) {
  const whole = unwrap(ring);
  const lons = whole.map(([lon]) => lon);
  const copies = [whole];
  if (Math.max(...lons) > 180) copies.push(whole.map(([lon, lat]) => [lon - 360, lat]));
  if (Math.min(...lons) < -180) copies.push(whole.map(([lon, lat]) => [lon + 360, lat]));
  return copies.map(ringPath).join('');
}

function ringPath(ring) {
  const projected = simplify(ring.map(project), TOLERANCE, 4);
  const points = [];
  for (const [x, y] of projected) {
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

const topology = JSON.parse(readFileSync(ATLAS, 'utf8'));
const paths = [];
for (const country of feature(topology, topology.objects.countries).features) {
  if (!country.geometry || country.id === ANTARCTICA) continue;
  const { geometry } = country;
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const d = polygons.flat().map(ringPaths).join('');
  if (d) paths.push({ id: country.id ?? country.properties.name, d });
}
paths.sort((a, b) => String(a.id).localeCompare(String(b.id)));

const lines = [
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${HEIGHT}">`,
  '<desc>Country shapes: Natural Earth 1:110m (public domain), via world-atlas.</desc>',
  `<rect width="${WIDTH}" height="${HEIGHT}" fill="#e6eef2"/>`,
  '<g fill="#f4f1e8" stroke="#b9b3a3" stroke-width="0.5" stroke-linejoin="round">',
  ...paths.map(({ d }) => `<path d="${d}"/>`),
  '</g>',
  '</svg>',
];
writeFileSync(OUTPUT, lines.join('\n') + '\n');
