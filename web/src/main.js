// main.js wires the page: search, the graph, paths, the timeline and the
// evidence panel, each a form or a button calling one API endpoint.
import './style.css';
import * as api from './api.js';
import { articleLink, button, h, setStatus } from './dom.js';
import { GraphView, edgeLabel } from './graph.js';
import { colour, entityTypes, relationTypes, typeLabel } from './ontology.js';

const $ = (id) => document.getElementById(id);

// names remembers every entity the API has named, so that lists can show
// names for the ids in edges.
const names = new Map();

function remember(refs) {
  for (const [id, ref] of Object.entries(refs || {})) names.set(id, ref);
}

function rememberAll(entities) {
  for (const e of entities || []) names.set(e.id, e);
}

function nameOf(id) {
  const e = names.get(id);
  return (e && e.name) || id;
}

// latest gives each area one request at a time: a new one cancels the
// last, so a slow answer never overwrites a newer one.
function latest() {
  let ctl = null;
  return () => {
    if (ctl) ctl.abort();
    ctl = new AbortController();
    return ctl.signal;
  };
}

function aborted(err) {
  return err && err.name === 'AbortError';
}

let graph;
// view is what the graph shows, so that new filters can redraw it.
let view = null;

// ---- the ends of path and timeline queries -------------------------------

// An end input holds a name as typed, or an entity picked from a list, whose
// id it keeps so that an ambiguous name never gets in the way.
function setEnd(input, entity) {
  input.value = entity.name;
  input.dataset.id = entity.id;
}

function endValue(input) {
  return input.dataset.id || input.value.trim();
}

function watchEnd(input) {
  input.addEventListener('input', () => { delete input.dataset.id; });
}

// ---- filters ----------------------------------------------------------------

function filter() {
  const f = $('filter-form').elements;
  const types = [...$('filter-types').querySelectorAll('input:checked')].map((i) => i.value);
  const all = types.length === relationTypes.length;
  const minConfidence = Number(f.min_confidence.value);
  const minSupport = Number(f.min_support.value);
  return {
    type: all || types.length === 0 ? [] : types,
    from_date: f.from_date.value.trim(),
    to_date: f.to_date.value.trim(),
    include_negated: f.include_negated.checked ? 'true' : '',
    structural: f.structural.checked ? '' : 'false',
    min_confidence: minConfidence > 0 ? minConfidence : '',
    min_support: minSupport > 0 ? Math.floor(minSupport) : '',
  };
}

function setupFilters() {
  const box = $('filter-types');
  for (const t of relationTypes) {
    const id = `filter-type-${t}`;
    box.append(h('div', { class: 'check' },
      h('input', { id, type: 'checkbox', value: t, checked: true }),
      h('label', { for: id }, typeLabel(t))));
  }
  const summarise = () => {
    const n = box.querySelectorAll('input:checked').length;
    $('filter-types-summary').textContent = n === relationTypes.length || n === 0 ? 'all' : `${n} of ${relationTypes.length}`;
  };
  box.addEventListener('change', summarise);
  $('filter-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    if (!ev.target.reportValidity()) return;
    redraw();
    if ($('timeline-list').childElementCount > 0 || $('timeline-entity').value) loadTimeline();
  });
}

function redraw() {
  if (!view) return;
  if (view.kind === 'hood') showNeighborhood(view.id);
  else findPaths();
}

// ---- search -----------------------------------------------------------------

const searchSignal = latest();

async function search(ev) {
  ev.preventDefault();
  const q = $('search-q').value.trim();
  const type = $('search-type').value;
  const status = $('search-status');
  const list = $('search-results');
  if (!q) return;
  setStatus(status, 'Searching…');
  try {
    const { entities } = await api.searchEntities(q, type, searchSignal());
    rememberAll(entities);
    list.replaceChildren(...entities.map(resultItem));
    setStatus(status, entities.length === 0 ? `No actor is called “${q}”.`
      : `${entities.length} ${entities.length === 1 ? 'actor matches' : 'actors match'} “${q}”.`);
  } catch (err) {
    if (aborted(err)) return;
    list.replaceChildren();
    setStatus(status, err.message, true);
  }
}

// dot is an entity type's colour, as on the graph. It is set through the
// style property, which a strict content security policy allows.
function dot(type) {
  const el = h('span', { class: 'dot', 'aria-hidden': 'true' });
  el.style.background = colour(type);
  return el;
}

function resultItem(e) {
  const aliases = (e.aliases || []).filter((a) => a !== e.name);
  return h('li', { class: 'result' },
    h('div', { class: 'result-name' },
      dot(e.type),
      button(e.name, () => showNeighborhood(e.id, { focus: true }), { class: 'linkish', 'aria-label': `Draw the neighbourhood of ${e.name}` }),
      h('span', { class: 'badge' }, typeLabel(e.type))),
    aliases.length > 0 ? h('div', { class: 'aliases' }, `also ${aliases.join(', ')}`) : null,
    h('div', { class: 'actions' },
      button('From', () => { setEnd($('path-from'), e); $('path-from').focus(); }, { 'aria-label': `Paths from ${e.name}` }),
      button('To', () => { setEnd($('path-to'), e); $('path-to').focus(); }, { 'aria-label': `Paths to ${e.name}` }),
      button('Timeline', () => { setEnd($('timeline-entity'), e); loadTimeline({ focus: true }); }, { 'aria-label': `Timeline of ${e.name}` })));
}

// ---- the neighbourhood --------------------------------------------------------

const graphSignal = latest();

async function showNeighborhood(id, { focus = false } = {}) {
  view = { kind: 'hood', id };
  const status = $('graph-status');
  const depth = Number($('hood-depth').value) || 1;
  const limit = Number($('hood-limit').value) || 200;
  setStatus(status, `Drawing the neighbourhood of ${nameOf(id)}…`);
  if (focus) $('graph-h').focus();
  try {
    const sg = await api.neighborhood(id, depth, limit, filter(), graphSignal());
    rememberAll(sg.entities);
    graph.showSubgraph(sg.entities, sg.edges, id);
    graph.highlight(null);
    const root = names.get(id) || { id, name: id };
    let msg = `Neighbourhood of ${root.name}, ${depth} ${depth === 1 ? 'hop' : 'hops'}: ` +
      `${sg.entities.length} ${sg.entities.length === 1 ? 'actor' : 'actors'}, ${sg.edges.length} ${sg.edges.length === 1 ? 'relation' : 'relations'}.`;
    if (sg.truncated) msg += ` Cut at ${limit} relations: raise the limit or narrow the filters to see more.`;
    setStatus(status, msg);
    $('cy').setAttribute('aria-label', msg);
    edgeTable(sg.edges);
    if (!$('timeline-entity').value) setEnd($('timeline-entity'), root);
    if (!$('path-from').value) setEnd($('path-from'), root);
    // The fragment names what is drawn, so the address can be shared.
    history.replaceState(null, '', `#${new URLSearchParams({ entity: id, depth: String(depth) })}`);
  } catch (err) {
    if (aborted(err)) return;
    setStatus(status, err.message, true);
  }
}

// edgeTable lists the drawn relations, the canvas's keyboard equivalent.
function edgeTable(edges) {
  $('edge-count').textContent = String(edges.length);
  $('edge-table').tBodies[0].replaceChildren(...edges.map((e) => h('tr', {},
    h('td', {}, nameOf(e.subject)),
    h('td', {}, edgeLabel(e)),
    h('td', {}, nameOf(e.object)),
    h('td', { class: 'num' }, String(e.support)),
    h('td', {}, button('Evidence', () => showRelation(e.id, { focus: true }),
      { 'aria-label': `Evidence: ${nameOf(e.subject)} ${edgeLabel(e)} ${nameOf(e.object)}` })))));
}

// ---- paths ------------------------------------------------------------------

const pathSignal = latest();

async function findPaths(ev) {
  if (ev) ev.preventDefault();
  const form = $('path-form');
  if (!form.reportValidity()) return;
  const status = $('path-status');
  const list = $('path-results');
  const k = Number(form.elements.k.value);
  const query = {
    from: endValue($('path-from')),
    to: endValue($('path-to')),
    max_hops: form.elements.max_hops.value,
    k: k > 0 ? k : '',
    via_hops: form.elements.via_hops.checked ? 'true' : '',
  };
  view = { kind: 'paths' };
  setStatus(status, 'Looking for paths…');
  try {
    const resp = await api.paths(query, filter(), pathSignal());
    remember(resp.entities);
    rememberAll([resp.from, resp.to]);
    const { from, to, paths } = resp;
    if (paths.length === 0) {
      list.replaceChildren();
      graph.clear();
      edgeTable([]);
      $('cy').setAttribute('aria-label', 'Empty graph');
      setStatus($('graph-status'), `No path from ${from.name} to ${to.name} to draw.`);
      setStatus(status, `No path of at most ${query.max_hops} hops joins ${from.name} and ${to.name}. ` +
        'Allow longer paths, intermediaries or relations that did not happen, or loosen the filters.');
      return;
    }
    graph.showPaths(paths, from.id, to.id);
    graph.highlight(null);
    const edges = new Map();
    for (const p of paths) for (const st of p.steps) for (const e of st.edges) edges.set(e.id, e);
    edgeTable([...edges.values()]);
    list.replaceChildren(...paths.map((p, i) => pathItem(p, i)));
    const msg = `${paths.length} ${paths.length === 1 ? 'path' : 'paths'} from ${from.name} to ${to.name}.`;
    setStatus(status, msg);
    setStatus($('graph-status'), `Paths from ${from.name} to ${to.name}: ${paths.length}, drawn left to right.`);
    $('cy').setAttribute('aria-label', msg);
  } catch (err) {
    if (aborted(err)) return;
    list.replaceChildren();
    setStatus(status, err.message, true);
    if (err.code === 'conflict' && err.candidates.length > 0) list.replaceChildren(candidates(err));
  }
}

// candidates offers the entities an ambiguous name means, to pick one.
function candidates(err) {
  const param = /parameter (from|to)/.exec(err.message);
  const input = param && param[1] === 'to' ? $('path-to') : $('path-from');
  return h('li', { class: 'candidates' },
    h('p', {}, 'Which one?'),
    h('ul', {}, err.candidates.map((c) => h('li', {},
      button(`${c.name} (${typeLabel(c.type)}, ${c.id})`, () => { setEnd(input, c); findPaths(); })))));
}

function pathItem(p, i) {
  const hops = p.steps.length;
  const highlight = button('Highlight', (ev) => {
    const pressed = ev.currentTarget.getAttribute('aria-pressed') === 'true';
    for (const b of $('path-results').querySelectorAll('button[aria-pressed]')) b.setAttribute('aria-pressed', 'false');
    ev.currentTarget.setAttribute('aria-pressed', String(!pressed));
    graph.highlight(pressed ? null : p);
  }, { 'aria-pressed': 'false', 'aria-label': `Highlight path ${i + 1} in the graph` });
  return h('li', { class: 'path' },
    h('div', { class: 'path-head' },
      h('h3', {}, `Path ${i + 1}, ${hops} ${hops === 1 ? 'hop' : 'hops'}`), highlight),
    h('p', { class: 'route' }, p.nodes.map((n) => n.name).join(' → ')),
    h('ol', { class: 'steps' }, p.steps.map((st) => h('li', {},
      h('span', { class: 'step-ends' }, `${nameOf(st.from)} – ${nameOf(st.to)}`),
      st.via ? h('span', { class: 'badge' }, 'through an intermediary') : null,
      h('span', { class: 'step-edges' }, st.edges.map((e) => button(edgeLabel(e), () => showRelation(e.id, { focus: true }),
        { class: 'chip', 'aria-label': `Evidence: ${nameOf(e.subject)} ${edgeLabel(e)} ${nameOf(e.object)}` })))))));
}

// ---- the timeline -------------------------------------------------------------

const timelineSignal = latest();

async function loadTimeline({ focus = false } = {}) {
  const entity = endValue($('timeline-entity'));
  const other = endValue($('timeline-other'));
  const status = $('timeline-status');
  const list = $('timeline-list');
  if (!entity) return;
  setStatus(status, 'Loading the timeline…');
  if (focus) $('timeline-h').focus();
  try {
    const resp = await api.timeline(entity, other, filter(), timelineSignal());
    remember(resp.entities);
    const rels = resp.relations;
    list.replaceChildren(...rels.map(timelineItem));
    const who = resp.entity ? resp.entity.name : entity;
    const withWhom = resp.other ? ` with ${resp.other.name}` : '';
    setStatus(status, rels.length === 0 ? `No dated relation of ${who}${withWhom}.`
      : `${rels.length} dated ${rels.length === 1 ? 'relation' : 'relations'} of ${who}${withWhom}, oldest first.`);
  } catch (err) {
    if (aborted(err)) return;
    list.replaceChildren();
    setStatus(status, err.message, true);
  }
}

function timelineItem(e) {
  const via = (e.via || []).map(nameOf);
  return h('li', { class: e.polarity === 'negated' ? 'negated' : null },
    h('time', { datetime: e.date }, e.date),
    h('span', { class: 'what' },
      h('strong', {}, nameOf(e.subject)), ' ', edgeLabel({ ...e, date: '' }), ' ', h('strong', {}, nameOf(e.object)),
      via.length > 0 ? ` (via ${via.join(', ')})` : null),
    h('span', { class: 'support' }, `${e.support} ${e.support === 1 ? 'article' : 'articles'}`),
    button('Evidence', () => showRelation(e.id, { focus: true }),
      { 'aria-label': `Evidence: ${nameOf(e.subject)} ${edgeLabel(e)} ${nameOf(e.object)}` }));
}

// ---- the evidence panel --------------------------------------------------------

const detailSignal = latest();

function showDetail(...children) {
  $('detail-body').replaceChildren(h('div', {}, children));
}

async function showRelation(id, { focus = false } = {}) {
  graph.selectRelation(id);
  $('detail-h').textContent = 'Evidence';
  showDetail(h('p', { class: 'status' }, 'Loading…'));
  if (focus) $('detail-h').focus();
  try {
    const { relation: r, entities } = await api.relation(id, detailSignal());
    remember(entities);
    const facts = [
      ['Relation', typeLabel(r.type)],
      ['Date', r.date || 'undated'],
      r.role ? ['Role', r.role] : null,
      r.via.length > 0 ? ['Through', r.via.map(nameOf).join(', ')] : null,
      r.attributed_to.length > 0 ? ['According to', r.attributed_to.map(nameOf).join(', ')] : null,
      ['Articles', String(r.support)],
      ['Confidence', r.confidence.toFixed(2)],
    ].filter(Boolean);
    showDetail(
      h('h3', { class: 'relation-title' }, nameOf(r.subject), ' ', h('span', { class: 'verb' }, edgeLabel({ ...r, date: '' })), ' ', nameOf(r.object)),
      r.polarity === 'negated' ? h('p', { class: 'negated-note' }, 'The text says this did not happen.') : null,
      h('dl', { class: 'facts' }, facts.map(([k, v]) => [h('dt', {}, k), h('dd', {}, v)])),
      h('h4', {}, `${r.evidence.length} ${r.evidence.length === 1 ? 'sentence' : 'sentences'}`),
      h('ol', { class: 'evidence' }, r.evidence.map((ev) => h('li', {},
        h('blockquote', { cite: ev.article_url || null }, h('p', {}, ev.text)),
        h('p', { class: 'source' },
          articleLink(ev.article_url, ev.article_title || ev.article_url || ev.article_id || ev.article_key),
          ev.published ? h('span', { class: 'published' }, ` · ${ev.published}`) : null)))));
  } catch (err) {
    if (aborted(err)) return;
    showDetail(h('p', { class: 'status error' }, err.message));
  }
}

async function showEntity(id) {
  $('detail-h').textContent = 'Actor';
  showDetail(h('p', { class: 'status' }, 'Loading…'));
  try {
    const { entity: e } = await api.entity(id, detailSignal());
    rememberAll([e]);
    const counts = Object.entries(e.relation_counts || {}).sort((a, b) => b[1] - a[1]);
    const aliases = (e.aliases || []).filter((a) => a !== e.name);
    showDetail(
      h('h3', {}, e.name),
      h('p', {}, h('span', { class: 'badge' }, typeLabel(e.type)), aliases.length ? ` also ${aliases.join(', ')}` : null),
      (e.roles || []).length > 0 ? h('ul', { class: 'roles' }, e.roles.map((r) => h('li', {}, `${r.title}${r.of_name ? `, ${r.of_name}` : ''}`))) : null,
      counts.length > 0 ? h('dl', { class: 'facts' }, counts.map(([t, n]) => [h('dt', {}, typeLabel(t)), h('dd', {}, String(n))])) : null,
      h('div', { class: 'actions' },
        button('Draw neighbourhood', () => showNeighborhood(e.id, { focus: true })),
        button('Timeline', () => { setEnd($('timeline-entity'), e); loadTimeline({ focus: true }); }),
        button('Path from here', () => { setEnd($('path-from'), e); $('path-from').focus(); }),
        button('Path to here', () => { setEnd($('path-to'), e); $('path-to').focus(); })));
  } catch (err) {
    if (aborted(err)) return;
    showDetail(h('p', { class: 'status error' }, err.message));
  }
}

// ---- start --------------------------------------------------------------------

function start() {
  for (const t of entityTypes) $('search-type').append(h('option', { value: t }, typeLabel(t)));
  for (const s of document.querySelectorAll('.swatch[data-type]')) s.style.background = colour(s.dataset.type);
  setupFilters();
  for (const id of ['path-from', 'path-to', 'timeline-entity', 'timeline-other']) watchEnd($(id));
  graph = new GraphView($('cy'), {
    onNode: showEntity,
    onNodeOpen: (id) => showNeighborhood(id),
    onEdge: (id) => showRelation(id),
  });
  // Tests and curious readers reach the drawing through window.actorgraph.
  window.actorgraph = { cy: graph.cy };
  $('search-form').addEventListener('submit', search);
  $('path-form').addEventListener('submit', findPaths);
  $('hood-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    if (ev.target.reportValidity()) redraw();
  });
  $('timeline-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    loadTimeline();
  });
  const shared = new URLSearchParams(location.hash.slice(1));
  if (shared.get('entity')) {
    if (['1', '2', '3'].includes(shared.get('depth'))) $('hood-depth').value = shared.get('depth');
    showNeighborhood(shared.get('entity'));
  }
}

start();
