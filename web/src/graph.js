// graph.js draws subgraphs and paths with Cytoscape.js. It knows nothing of
// the API: it is given entities and edges as the API spells them, and calls
// back when a reader picks a node or an edge.
import cytoscape from 'cytoscape';
import { colour, isSymmetric, typeLabel } from './ontology.js';

const style = [
  {
    selector: 'node',
    style: {
      'background-color': 'data(colour)',
      'border-color': '#ffffff',
      'border-width': 2,
      width: 30,
      height: 30,
      label: 'data(label)',
      color: '#1b1f24',
      'font-size': 13,
      'font-family': 'system-ui, sans-serif',
      'text-valign': 'bottom',
      'text-margin-y': 5,
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.85,
      'text-background-padding': 2,
    },
  },
  { selector: 'node.root, node.end', style: { 'border-color': '#1b1f24', 'border-width': 4, width: 38, height: 38 } },
  {
    selector: 'edge',
    style: {
      width: 2,
      'line-color': '#7b8494',
      'target-arrow-color': '#7b8494',
      'curve-style': 'bezier',
      'control-point-step-size': 36,
      label: 'data(label)',
      'font-size': 10,
      'font-family': 'system-ui, sans-serif',
      color: '#3a3f47',
      'text-rotation': 'autorotate',
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.9,
      'text-background-padding': 1,
    },
  },
  { selector: 'edge.directed', style: { 'target-arrow-shape': 'triangle', 'arrow-scale': 1.1 } },
  { selector: 'edge.negated', style: { 'line-style': 'dashed', 'line-color': '#b3261e', 'target-arrow-color': '#b3261e' } },
  { selector: 'edge.via', style: { 'line-style': 'dotted', width: 3 } },
  { selector: 'edge.onpath', style: { width: 4, 'line-color': '#1b1f24', 'target-arrow-color': '#1b1f24' } },
  { selector: 'edge:selected', style: { width: 5, 'line-color': '#0b57d0', 'target-arrow-color': '#0b57d0' } },
  { selector: 'node:selected', style: { 'border-color': '#0b57d0', 'border-width': 5 } },
  { selector: '.faded', style: { opacity: 0.18 } },
];

/** GraphView is the drawing area and what is drawn in it. */
export class GraphView {
  /**
   * @param {HTMLElement} container
   * @param {{onNode: (id: string) => void, onNodeOpen: (id: string) => void, onEdge: (relationId: string) => void}} handlers
   */
  constructor(container, { onNode, onNodeOpen, onEdge }) {
    this.cy = cytoscape({
      container,
      style,
      elements: [],
      minZoom: 0.15,
      maxZoom: 3,
      boxSelectionEnabled: false,
      selectionType: 'single',
    });
    this.cy.on('tap', 'node', (ev) => onNode(ev.target.id()));
    this.cy.on('tap', 'edge', (ev) => onEdge(ev.target.data('relation')));
    this.cy.on('dbltap', 'node', (ev) => onNodeOpen(ev.target.id()));
    // The canvas gives no cursor of its own; show that elements are clickable.
    this.cy.on('mouseover', 'node, edge', () => { container.style.cursor = 'pointer'; });
    this.cy.on('mouseout', 'node, edge', () => { container.style.cursor = ''; });
  }

  /**
   * showSubgraph draws a neighbourhood in rings around its root: the
   * root in the middle, each further hop one ring out.
   */
  showSubgraph(entities, edges, rootId) {
    const level = distances(rootId, edges);
    const maxLevel = Math.max(0, ...level.values());
    this.replace(entities, edges.map((e) => edgeElement(e)));
    const root = this.cy.getElementById(rootId);
    root.addClass('root');
    this.cy.layout({
      name: 'concentric',
      concentric: (n) => maxLevel + 1 - (level.get(n.id()) ?? maxLevel + 1),
      levelWidth: () => 1,
      minNodeSpacing: 110,
      animate: false,
    }).run();
    this.fit();
  }

  /**
   * showPaths draws every path found, left to right from the start to the
   * end: a node's column is the earliest step any path reaches it at, and
   * the end always sits in the last column.
   */
  showPaths(paths, fromId, toId) {
    const entities = new Map();
    const elements = new Map();
    const column = new Map();
    let last = 1;
    for (const p of paths) last = Math.max(last, p.steps.length);
    for (const p of paths) {
      p.nodes.forEach((n, i) => {
        entities.set(n.id, n);
        const col = n.id === toId ? last : i;
        column.set(n.id, Math.min(column.get(n.id) ?? col, col));
      });
      for (const st of p.steps) {
        for (const e of st.edges) {
          const el = st.via ? viaElement(e, st.from, st.to) : edgeElement(e);
          elements.set(el.data.id, el);
        }
      }
    }
    this.replace([...entities.values()], [...elements.values()]);
    this.cy.getElementById(fromId).addClass('end');
    this.cy.getElementById(toId).addClass('end');
    const rows = new Map();
    for (const id of entities.keys()) {
      const col = column.get(id);
      if (!rows.has(col)) rows.set(col, []);
      rows.get(col).push(id);
    }
    const positions = {};
    for (const [col, ids] of rows) {
      ids.forEach((id, row) => {
        positions[id] = { x: col * 160, y: (row - (ids.length - 1) / 2) * 100 };
      });
    }
    this.cy.layout({ name: 'preset', positions, animate: false }).run();
    this.fit();
  }

  /** highlight fades everything but the path's nodes and step edges. */
  highlight(path) {
    this.cy.elements().removeClass('faded onpath');
    if (!path) return;
    const keep = new Set(path.nodes.map((n) => n.id));
    const keepEdges = new Set();
    for (const st of path.steps) {
      for (const e of st.edges) keepEdges.add(st.via ? viaId(e, st.from, st.to) : e.id);
    }
    this.cy.nodes().forEach((n) => { if (!keep.has(n.id())) n.addClass('faded'); });
    this.cy.edges().forEach((e) => { e.addClass(keepEdges.has(e.id()) ? 'onpath' : 'faded'); });
  }

  /** select marks the drawn edges of a relation as the one being read. */
  selectRelation(relationId) {
    this.cy.elements().unselect();
    this.cy.edges().filter((e) => e.data('relation') === relationId).select();
  }

  // fit shows the whole drawing, but never blown up: a handful of nodes
  // would otherwise fill the frame with giant discs.
  fit() {
    this.cy.fit(undefined, 40);
    if (this.cy.zoom() > 1.4) {
      this.cy.zoom(1.4);
      this.cy.center();
    }
  }

  /** clear empties the drawing. */
  clear() {
    this.cy.elements().remove();
  }

  replace(entities, edgeElements) {
    const nodes = entities.map((n) => ({
      group: 'nodes',
      data: { id: n.id, label: n.name || n.id, type: n.type, colour: colour(n.type) },
    }));
    const ids = new Set(nodes.map((n) => n.data.id));
    // An edge whose end the server could not name still needs a node.
    for (const el of edgeElements) {
      for (const end of [el.data.source, el.data.target]) {
        if (!ids.has(end)) {
          ids.add(end);
          nodes.push({ group: 'nodes', data: { id: end, label: end, type: '', colour: colour('') } });
        }
      }
    }
    this.cy.batch(() => {
      this.cy.elements().remove();
      this.cy.add([...nodes, ...edgeElements]);
    });
  }
}

/** edgeLabel is how an edge reads on the drawing and in lists. */
export function edgeLabel(e) {
  const parts = [typeLabel(e.type)];
  if (e.polarity === 'negated') parts.unshift('not');
  if (e.date) parts.push(e.date);
  return parts.join(' ');
}

function edgeElement(e) {
  const classes = [];
  if (!isSymmetric(e.type)) classes.push('directed');
  if (e.polarity === 'negated') classes.push('negated');
  return {
    group: 'edges',
    classes: classes.join(' '),
    data: { id: e.id, relation: e.id, source: e.subject, target: e.object, label: edgeLabel(e) },
  };
}

// A via hop joins an end of a relation to its intermediary, so it gets its
// own id while still opening the relation's evidence.
function viaId(e, from, to) {
  return `via|${e.id}|${from}|${to}`;
}

function viaElement(e, from, to) {
  return {
    group: 'edges',
    classes: e.polarity === 'negated' ? 'via negated' : 'via',
    data: { id: viaId(e, from, to), relation: e.id, source: from, target: to, label: `${edgeLabel(e)} (via)` },
  };
}

// distances is the number of hops from root to every node the edges reach.
function distances(root, edges) {
  const adj = new Map();
  for (const e of edges) {
    for (const [a, b] of [[e.subject, e.object], [e.object, e.subject]]) {
      if (!adj.has(a)) adj.set(a, []);
      adj.get(a).push(b);
    }
  }
  const dist = new Map([[root, 0]]);
  let frontier = [root];
  while (frontier.length > 0) {
    const next = [];
    for (const n of frontier) {
      for (const m of adj.get(n) || []) {
        if (!dist.has(m)) { dist.set(m, dist.get(n) + 1); next.push(m); }
      }
    }
    frontier = next;
  }
  return dist;
}
