/**
 * Media types and HTTP vocabulary of the Web Annotation Protocol
 * (https://www.w3.org/TR/annotation-protocol/).
 */
import { HttpProblem } from './http-problem.ts';

/** §3.1: the media type of annotations and their collections. */
export const ANNO_MEDIA_TYPE = 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"';
export const LDP_CONTEXT = 'http://www.w3.org/ns/ldp.jsonld';
export const LDP_RESOURCE = 'http://www.w3.org/ns/ldp#Resource';
export const LDP_BASIC_CONTAINER = 'http://www.w3.org/ns/ldp#BasicContainer';
export const LDP_CONSTRAINED_BY = 'http://www.w3.org/ns/ldp#constrainedBy';
export const PROTOCOL_SPEC = 'http://www.w3.org/TR/annotation-protocol/';
/** §4.2 Prefer header include values. */
export const PREFER_MINIMAL_CONTAINER = 'http://www.w3.org/ns/ldp#PreferMinimalContainer';
export const PREFER_CONTAINED_IRIS = 'http://www.w3.org/ns/oa#PreferContainedIRIs';
export const PREFER_CONTAINED_DESCRIPTIONS = 'http://www.w3.org/ns/oa#PreferContainedDescriptions';

/** Headers a browser script may read from our responses (CORS). */
export const EXPOSED_HEADERS = 'ETag, Location, Link, Allow, Content-Location, Vary, Accept-Post, Preference-Applied';
/** Request headers a browser script may send (CORS preflight). */
export const ALLOWED_REQUEST_HEADERS = 'Accept, Content-Type, If-Match, If-None-Match, Prefer, Slug, Authorization';

/**
 * The media type to answer a request whose `Accept` is `accept` with: the
 * annotation type when JSON-LD (or anything) is acceptable, plain JSON when
 * only that is. Throws HttpProblem 406 when neither is.
 */
export function negotiate(accept: string | undefined): string {
  if (!accept || !accept.trim()) return ANNO_MEDIA_TYPE;
  const ranges = accept
    .split(',')
    .map((part) => {
      const [range = '', ...params] = part.split(';').map((s) => s.trim().toLowerCase());
      const q = params.find((p) => p.startsWith('q='));
      return { range, q: q ? Number(q.slice(2)) : 1 };
    })
    .filter((r) => !(r.q <= 0));
  const accepts = (type: string): boolean => ranges.some((r) => r.range === type || r.range === '*/*' || r.range === 'application/*');
  if (accepts('application/ld+json')) return ANNO_MEDIA_TYPE;
  if (ranges.some((r) => r.range === 'application/json')) return 'application/json';
  throw new HttpProblem(406, `This server answers in ${ANNO_MEDIA_TYPE} or application/json, which the request's Accept header does not allow.`);
}

/** Throws HttpProblem 415 unless `contentType` is JSON-LD or JSON. */
export function requireJsonBody(contentType: string | undefined): void {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/ld+json' && type !== 'application/json') {
    throw new HttpProblem(415, `The request body must be sent as application/ld+json or application/json (the request says ${JSON.stringify(type || 'nothing').slice(0, 80)}).`);
  }
}

/** How a client asked a container to be shown (§4.2); null when it did not say. */
export type ContainerPreference = 'minimal' | 'iris' | 'descriptions';

/**
 * The container preference in a `Prefer` header (`return=representation;
 * include="…"`). Minimal wins over the others; IRIs over descriptions.
 * Returns null when the header asks for none of them.
 */
export function containerPreference(prefer: string | undefined): ContainerPreference | null {
  if (!prefer || !/\breturn\s*=\s*"?representation"?/i.test(prefer)) return null;
  const include = /\binclude\s*=\s*"([^"]*)"|\binclude\s*=\s*([^;,\s]+)/i.exec(prefer);
  const values = (include?.[1] ?? include?.[2] ?? '').split(/\s+/).filter(Boolean);
  if (values.includes(PREFER_MINIMAL_CONTAINER)) return 'minimal';
  if (values.includes(PREFER_CONTAINED_IRIS)) return 'iris';
  if (values.includes(PREFER_CONTAINED_DESCRIPTIONS)) return 'descriptions';
  return null;
}

/**
 * The entity tags listed in an `If-Match` (or `If-None-Match`) header, `*`
 * included; null when there is no header. Weak tags are kept with their `W/`
 * and so never equal a stored (strong) tag, as RFC 9110 §13.1.1 requires.
 */
export function entityTags(header: string | undefined): string[] | null {
  if (header === undefined) return null;
  return header.match(/\*|(?:W\/)?"[^"]*"/g) ?? [];
}
