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

/**
 * neighborhood answers the subgraph within depth hops of an entity:
 * {entity, entities, edges, truncated}, edges without their evidence.
 */
export function neighborhood(id, depth, limit, filter, signal) {
  return get(`/v1/entities/${encodeURIComponent(id)}/neighborhood`, { depth, limit, ...filter }, { signal });
}
