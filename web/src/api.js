// api.js talks to the actorgraph HTTP API on the page's own origin. Every
// answer is JSON; every error is an RFC 9457 problem document, whose detail
// is what the page shows.

/** ApiError is a failed request, with the problem's code and status. */
export class ApiError extends Error {
  constructor(status, code, detail, problem = null) {
    super(detail);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    // candidates, on a conflict: the entities an ambiguous name means.
    this.candidates = (problem && problem.candidates) || [];
  }
}

/**
 * get fetches path with the query parameters in params, leaving out empty
 * ones so that the server's defaults apply.
 */
export async function get(path, params = {}, { signal } = {}) {
  const q = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '' || value === false) continue;
    if (Array.isArray(value)) {
      if (value.length > 0) q.set(name, value.join(','));
      continue;
    }
    q.set(name, String(value));
  }
  const url = q.toString() ? `${path}?${q}` : path;
  let res;
  try {
    res = await fetch(url, { headers: { Accept: 'application/json' }, signal });
  } catch (err) {
    if (err.name === 'AbortError') throw err;
    throw new ApiError(0, 'unavailable', 'The server did not answer. Is actorgraph serve still running?');
  }
  let body = null;
  try {
    body = await res.json();
  } catch {
    // A proxy's error page, say: fall through with the status alone.
  }
  if (!res.ok) {
    const detail = body && (body.detail || body.title);
    throw new ApiError(res.status, (body && body.code) || 'unknown', detail || `${res.status} ${res.statusText}`, body);
  }
  return body;
}

/** searchEntities answers names and aliases matching q. */
export function searchEntities(q, type, signal) {
  return get('/v1/entities', { q, type, limit: 25 }, { signal });
}

/** entity answers one entity with roles and relation counts. */
export function entity(id, signal) {
  return get(`/v1/entities/${encodeURIComponent(id)}`, {}, { signal });
}

/** relation answers one relation with all its evidence. */
export function relation(id, signal) {
  return get(`/v1/relations/${encodeURIComponent(id)}`, {}, { signal });
}

/** paths answers how two entities (ids or names) are connected. */
export function paths(query, filter, signal) {
  return get('/v1/paths', { ...query, ...filter }, { signal });
}

/** timeline answers the dated relations of an entity, oldest first. */
export function timeline(entityId, other, filter, signal) {
  return get('/v1/timeline', { entity: entityId, other, ...filter, limit: 500 }, { signal });
}

// The relations endpoint pages at most this many at a time.
const pageSize = 1000;

/**
 * neighborhood answers the subgraph within depth hops of an entity as
 * {entities, edges, truncated}. It asks the neighbourhood endpoint and, on
 * a server that does not have it yet, walks the per-entity relation
 * listing breadth first itself, with the same bound on edges.
 */
export async function neighborhood(id, depth, limit, filter, signal) {
  const path = `/v1/entities/${encodeURIComponent(id)}/neighborhood`;
  try {
    const sg = await get(path, { depth, limit, ...filter }, { signal });
    return { ...sg, fallback: false };
  } catch (err) {
    if (!(err instanceof ApiError) || !missingEndpoint(err)) throw err;
  }
  return { ...(await walkNeighborhood(id, depth, limit, filter, signal)), fallback: true };
}

// missingEndpoint tells a server without the route (404 "no such endpoint",
// or 405 where a wildcard route took the path) from an unknown entity.
function missingEndpoint(err) {
  return err.status === 405 || (err.status === 404 && /no such endpoint/i.test(err.message));
}

async function walkNeighborhood(id, depth, limit, filter, signal) {
  const names = new Map();
  const edges = [];
  const seenEdge = new Set();
  const seenNode = new Set([id]);
  let frontier = [id];
  let truncated = false;
  const first = await entity(id, signal);
  names.set(id, first.entity);
  for (let level = 0; level < depth && frontier.length > 0 && !truncated; level++) {
    const next = [];
    for (const node of frontier) {
      let after = '';
      do {
        const page = await get(`/v1/entities/${encodeURIComponent(node)}/relations`,
          { ...filter, after, limit: pageSize }, { signal });
        for (const [eid, ref] of Object.entries(page.entities || {})) names.set(eid, ref);
        for (const e of page.relations) {
          if (seenEdge.has(e.id)) continue;
          if (edges.length === limit) { truncated = true; break; }
          seenEdge.add(e.id);
          edges.push(e);
          for (const end of [e.subject, e.object]) {
            if (!seenNode.has(end)) { seenNode.add(end); next.push(end); }
          }
        }
        after = truncated ? '' : page.next || '';
      } while (after);
      if (truncated) break;
    }
    frontier = next.sort();
  }
  const entities = [...seenNode].map((eid) => names.get(eid) || { id: eid, name: eid, type: '' });
  return { entities, edges, truncated };
}
