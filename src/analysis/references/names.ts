/**
 * Author lists as reference entries print them: family first
 * (`Harmer, Tanya`; `Smith, J. A., & Jones, K.`) or given first
 * (`Tanya Harmer and Pablo Neruda`). A list that does not read as names
 * gives null, so that the caller leaves the authors out.
 */
import type { CslName } from './csl.ts';

/** A capitalised name word, hyphenated or with an apostrophe (`O'Brien`, `Jean-Paul`). */
const WORD = "\\p{Lu}[\\p{L}'’-]*";
/** An initial: `J.` or `J.-P.` */
const INITIAL = '\\p{Lu}\\.(?:-?\\p{Lu}\\.)*';
/** Lowercase particles that belong to the family name (`van`, `de la`). */
const PARTICLE = "(?:van|von|der|den|de|del|della|la|le|du|dos|da|di|ter|ten|y|d'|al-|el-)";
const GIVEN = `(?:(?:${WORD}|${INITIAL})(?:\\s+(?:${WORD}|${INITIAL}))*)`;
const FAMILY = `(?:(?:${PARTICLE}\\s+)*${WORD}(?:\\s+${WORD})?)`;

// A particle may follow the given names (`Souza, L.A.M. de`): it belongs to the family name.
const FAMILY_FIRST = new RegExp(`^(${FAMILY}),\\s+(${GIVEN})(?:\\s+(${PARTICLE}))?$`, 'u');
// The family name is the last word plus any lowercase particles before it.
const GIVEN_FIRST = new RegExp(`^(${GIVEN})\\s+((?:${PARTICLE}\\s+)*${WORD})$`, 'u');

/** One family-first name (`Harmer, Tanya`), or null. */
export function familyFirstName(text: string): CslName | null {
  const m = FAMILY_FIRST.exec(text.trim());
  return m ? { family: m[3] ? `${m[3]} ${m[1]!}` : m[1]!, given: m[2]! } : null;
}

/** One given-first name (`Tanya Harmer`, `Ludwig van Beethoven`), or null; at most four words. */
export function givenFirstName(text: string): CslName | null {
  const t = text.trim();
  if (t.split(/\s+/u).length > 4) return null;
  const m = GIVEN_FIRST.exec(t);
  return m ? { family: m[2]!, given: m[1]! } : null;
}

/**
 * A family-first author list: names separated by `;`, `&`, ` and `, or (APA)
 * by the comma after an initial. Null when any part is not a name.
 */
export function familyFirstList(text: string): CslName[] | null {
  const parts = text
    .replace(/,?\s*(?:&|\band\b)\s*/gu, ';')
    .replace(/(\p{Lu}\.),\s+(?=\p{Lu}[\p{L}'’-]+,)/gu, '$1;')
    .split(';')
    .map((p) => p.trim())
    .filter((p) => p !== '');
  if (parts.length === 0) return null;
  const names = parts.map(familyFirstName);
  return names.every((n) => n !== null) ? (names) : null;
}

/** A given-first author list separated by `,`, ` and ` or `&`; null when any part is not a name. */
export function givenFirstList(text: string): CslName[] | null {
  const parts = text
    .split(/\s*(?:,\s*and|,|\band\b|&)\s*/u)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  if (parts.length === 0) return null;
  const names = parts.map(givenFirstName);
  return names.every((n) => n !== null) ? (names) : null;
}

/** An editor's mark after the names: `ed.`, `eds.`, `(ed.)`, `(Eds.)`, `, editor`, `(editors)`. */
export const EDITOR_MARK = /(?:,?\s+(?:eds?|Eds?)\.?|,?\s*\((?:eds?|Eds?|editors?|Editors?)\.?\)|,\s+editors?)[.,]?$/u;

/** A list of names either way round (`Smith, J.; Doe, K.` or `J. Smith and K. Doe`); null when any part is not a name. */
export function anyOrderList(text: string): CslName[] | null {
  const t = text.trim();
  const initialsKept = /\b\p{Lu}$/u.test(t) ? `${t}.` : t;
  return familyFirstList(initialsKept) ?? givenFirstList(t);
}
