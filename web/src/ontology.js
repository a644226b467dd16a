// ontology.js holds what the page shows of the closed vocabulary
// (graph/ontology.go): the types offered in the filters, the relation types
// whose ends are unordered, and the colour of each entity type.

/** entityTypes are the kinds of actor, as the API spells them. */
export const entityTypes = ['PERSON', 'ORGANIZATION', 'MEDIA', 'COUNTRY', 'LOCATION'];

/** relationTypes are the twelve interactions and three structural ties. */
export const relationTypes = [
  'MEET', 'NEGOTIATE', 'COMMUNICATE', 'REQUEST', 'AGREE', 'REJECT', 'ACCUSE',
  'THREATEN', 'ATTACK', 'SANCTION', 'SUPPORT', 'COOPERATE',
  'HOLDS_ROLE', 'MEMBER_OF', 'AFFILIATED_WITH',
];

// Symmetric relations keep their ends in id order, so an arrow would claim
// a direction the text never gave.
const symmetric = new Set(['MEET', 'NEGOTIATE', 'COOPERATE', 'AFFILIATED_WITH']);

/** isSymmetric reports whether a relation type has no direction. */
export function isSymmetric(type) {
  return symmetric.has(type);
}

// Colours chosen to stay apart for the common forms of colour blindness
// (Okabe–Ito palette); the legend names them, so colour is never the only cue.
const colours = {
  PERSON: '#0072B2',
  ORGANIZATION: '#D55E00',
  MEDIA: '#CC79A7',
  COUNTRY: '#009E73',
  LOCATION: '#E69F00',
};

/** colour is the fill of an entity type's nodes. */
export function colour(type) {
  return colours[type] || '#777777';
}

/** typeLabel is an entity or relation type as a reader would write it. */
export function typeLabel(type) {
  return (type || '').toLowerCase().replace(/_/g, ' ');
}
