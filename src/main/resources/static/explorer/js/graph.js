// The network canvas shared by the network and paths pages: Cytoscape.js from the jar, nodes styled by type.
import cytoscape from '/webjars/cytoscape/dist/cytoscape.esm.min.mjs';

// Cytoscape adds an inline <style> (refused by the Content-Security-Policy) unless an element with this id is
// already there: a stylesheet from the jar with the same rule stands in for it.
const SHEET = '__________cytoscape_stylesheet';
if (!document.getElementById(SHEET)) {
  const link = document.createElement('link');
  link.id = SHEET;
  link.rel = 'stylesheet';
  link.href = '/explorer/cytoscape.css';
  document.head.prepend(link);
}

const STYLE = {
  Person: ['#1f5fa8', 'ellipse'], Organization: ['#2e7d32', 'round-rectangle'], Case: ['#b3261e', 'diamond'],
  Event: ['#a35200', 'round-hexagon'], Document: ['#555f6d', 'rectangle'], Place: ['#00796b', 'triangle'],
  Victim: ['#6a3d9a', 'octagon'], Statistic: ['#7a5c00', 'barrel'], Claim: ['#8e2465', 'star'],
};

export function nodeElement(node, classes = '') {
  const [color, shape] = STYLE[node.__typename] ?? ['#555f6d', 'ellipse'];
  return { group: 'nodes', data: { id: node.id, label: node.name, type: node.__typename, color, shape }, classes };
}

export function edgeElement(relationship) {
  return {
    group: 'edges',
    data: { id: `r:${relationship.id}`, rid: relationship.id, source: relationship.from.id, target: relationship.to.id, label: relationship.type },
  };
}

export function createGraph(container, { onNode, onEdge, onBackground } = {}) {
  const cy = cytoscape({
    container,
    wheelSensitivity: 0.4,
    minZoom: 0.1,
    maxZoom: 4,
    boxSelectionEnabled: false,
    style: [
      { selector: 'node', style: {
        label: 'data(label)', 'background-color': 'data(color)', shape: 'data(shape)', width: 22, height: 22,
        'font-size': 10, color: '#1b1f24', 'text-valign': 'bottom', 'text-margin-y': 3, 'text-wrap': 'ellipsis',
        'text-max-width': 140, 'text-background-color': '#ffffff', 'text-background-opacity': 0.85,
        'text-background-padding': 1, 'min-zoomed-font-size': 7 } },
      { selector: 'node.root', style: { width: 32, height: 32, 'border-width': 3, 'border-color': '#1b1f24', 'font-weight': 'bold' } },
      { selector: 'node.expanded', style: { 'border-width': 3, 'border-style': 'double', 'border-color': '#1b1f24' } },
      { selector: 'edge', style: {
        width: 1.5, 'line-color': '#8f9aa8', 'target-arrow-color': '#8f9aa8', 'target-arrow-shape': 'triangle',
        'curve-style': 'bezier', label: 'data(label)', 'font-size': 8, color: '#3d4550', 'text-rotation': 'autorotate',
        'text-background-color': '#ffffff', 'text-background-opacity': 0.85, 'min-zoomed-font-size': 8 } },
      { selector: 'node:selected', style: { 'border-width': 5, 'border-color': '#b35c00', 'border-style': 'solid' } },
      { selector: 'edge:selected', style: { width: 4, 'line-color': '#b35c00', 'target-arrow-color': '#b35c00' } },
      { selector: '.faded', style: { opacity: 0.18 } },
      { selector: 'edge.hl', style: { width: 4, 'line-color': '#b35c00', 'target-arrow-color': '#b35c00', 'z-index': 10 } },
      { selector: 'node.hl', style: { 'border-width': 4, 'border-color': '#b35c00' } },
    ],
  });
  cy.on('tap', 'node', (event) => onNode?.(event.target.id()));
  cy.on('tap', 'edge', (event) => onEdge?.(event.target.data('rid')));
  cy.on('tap', (event) => {
    if (event.target === cy) {
      onBackground?.();
    }
  });
  return cy;
}

/** Lays the graph out (force-directed) and fits it; returns the milliseconds the layout took. */
export function layout(cy, { randomize = true } = {}) {
  const started = performance.now();
  if (randomize) {
    // A fixed start (a circle in id order) instead of cose's random one: the same network is laid out the same
    // way every time, so a shared link shows what its sender saw.
    cy.layout({ name: 'circle', animate: false, fit: false, sort: (a, b) => a.id().localeCompare(b.id()) }).run();
  }
  cy.layout({
    name: 'cose', animate: false, randomize: false, fit: true, padding: 30, nodeDimensionsIncludeLabels: false,
    idealEdgeLength: () => 110, nodeRepulsion: () => 12000, numIter: 600, initialTemp: randomize ? 1000 : 200,
  }).run();
  // A small graph fitted to the canvas would be drawn huge: keep labels at reading size.
  if (cy.zoom() > 1.4) {
    cy.zoom(1.4);
    cy.center();
  }
  return Math.round(performance.now() - started);
}
