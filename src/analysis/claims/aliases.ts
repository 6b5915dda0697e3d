/**
 * Actor aliases: the several ways texts write one actor ("the Soviet Union",
 * "the USSR", "the Soviets", "Moscow" as its government; "Chile", "Chilean",
 * "Santiago"), reduced to one key so that two texts naming one actor
 * differently still share it.
 *
 * Three general sources, none naming a sentence of any text:
 * - a small gazetteer of countries with their demonyms and capitals (a
 *   capital stands for its government in political prose);
 * - definitions the texts give themselves: "Popular Unity (Unidad Popular,
 *   UP)", "State Security Committee (KGB)", "GDR (German Democratic Republic)";
 * - acronyms whose letters are the initials of a name the texts spell out
 *   ("CPSU" and "Communist Party of the Soviet Union").
 */
import { fold, stripPossessive } from './normalize.ts';

/**
 * Countries: the first form names the actor, the others are the same actor
 * (official and short names, abbreviations, demonyms, the capital as seat of
 * government). Kept to sovereign states a history text commonly names.
 */
const GAZETTEER: ReadonlyArray<readonly string[]> = [
  ['soviet union', 'ussr', 'u.s.s.r', 'union of soviet socialist republics', 'soviet', 'soviets', 'moscow', 'kremlin'],
  ['united states', 'united states of america', 'us', 'u.s', 'usa', 'u.s.a', 'america', 'american', 'americans', 'washington'],
  ['russia', 'russian federation', 'russian', 'russians'],
  ['chile', 'chilean', 'chileans', 'santiago'],
  ['cuba', 'cuban', 'cubans', 'havana'],
  ['china', "people's republic of china", 'prc', 'chinese', 'beijing', 'peking'],
  ['united kingdom', 'uk', 'u.k', 'britain', 'great britain', 'british', 'london'],
  ['france', 'french', 'paris'],
  ['germany', 'german', 'germans'],
  ['east germany', 'german democratic republic', 'gdr', 'east german', 'east germans', 'east berlin'],
  ['west germany', 'federal republic of germany', 'frg', 'west german', 'west germans', 'bonn'],
  ['poland', 'polish', 'poles', 'warsaw'],
  ['czechoslovakia', 'czechoslovak', 'czechoslovaks', 'prague'],
  ['hungary', 'hungarian', 'hungarians', 'budapest'],
  ['bulgaria', 'bulgarian', 'bulgarians', 'sofia'],
  ['romania', 'romanian', 'romanians', 'bucharest'],
  ['yugoslavia', 'yugoslav', 'yugoslavs', 'belgrade'],
  ['italy', 'italian', 'italians', 'rome'],
  ['spain', 'spanish', 'madrid'],
  ['mexico', 'mexican', 'mexicans'],
  ['argentina', 'argentine', 'argentinian', 'argentines', 'buenos aires'],
  ['brazil', 'brazilian', 'brazilians', 'brasilia'],
  ['peru', 'peruvian', 'peruvians', 'lima'],
  ['bolivia', 'bolivian', 'bolivians', 'la paz'],
  ['uruguay', 'uruguayan', 'uruguayans', 'montevideo'],
  ['colombia', 'colombian', 'colombians', 'bogota'],
  ['venezuela', 'venezuelan', 'venezuelans', 'caracas'],
  ['japan', 'japanese', 'tokyo'],
  ['india', 'indian', 'indians', 'new delhi'],
  ['vietnam', 'vietnamese', 'hanoi'],
  ['canada', 'canadian', 'canadians', 'ottawa'],
  ['austria', 'austrian', 'austrians', 'vienna'],
  ['switzerland', 'swiss', 'bern'],
  ['sweden', 'swedish', 'swedes', 'stockholm'],
  ['israel', 'israeli', 'israelis'],
  ['egypt', 'egyptian', 'egyptians', 'cairo'],
  ['iran', 'iranian', 'iranians', 'tehran'],
  ['turkey', 'turkish', 'turks', 'ankara'],
];

/** Words joining the capitalised words of a name without being initials ("Party of the Soviet Union"). */
const LINKING = /^(?:of|the|and|for|de|del|la|las|los|y|du|des|der|die|und|von|van|on|in)$/u;
/** Acronyms are 2–6 capital letters (dots allowed); longer runs of capitals are shouted words, not acronyms. */
const ACRONYM = /^(?:\p{Lu}\.?){2,6}$/u;

/** The normalised form of a name: folded, possessive and dots dropped, spaces single. */
export function nameForm(label: string): string {
  return stripPossessive(fold(label))
    .replace(/[’']s\b/gu, '')
    .replace(/\./gu, '')
    .replace(/[-–]/gu, ' ')
    .replace(/^the\s+/u, '')
    .replace(/\s+/gu, ' ')
    .trim();
}

/** Maps name forms to the key of their actor. */
export class AliasTable {
  private readonly parent = new Map<string, string>();

  constructor() {
    for (const group of GAZETTEER) for (const form of group.slice(1)) this.join(group[0]!, form);
  }

  /** Records that `a` and `b` name one actor. */
  join(a: string, b: string): void {
    const x = this.root(nameForm(a));
    const y = this.root(nameForm(b));
    if (x === y || x === '' || y === '') return;
    // The gazetteer's first form (a country's common name) stays the key: it reads best in descriptions.
    if (this.parent.has(x) || !this.parent.has(y)) this.parent.set(y, x);
    else this.parent.set(x, y);
  }

  /** The actor key of a name form, or null when no alias is known for it. */
  actorOf(label: string): string | null {
    const form = nameForm(label);
    if (!this.parent.has(form)) return null;
    return `@${this.root(form)}`;
  }

  private root(form: string): string {
    let f = form;
    for (let next = this.parent.get(f); next !== undefined && next !== f; next = this.parent.get(f)) f = next;
    if (!this.parent.has(f)) this.parent.set(f, f);
    return f;
  }
}

/**
 * The alias table for `texts`: the gazetteer, plus each text's own
 * definitions and acronyms. Never throws.
 */
export function learnAliases(texts: readonly string[]): AliasTable {
  const table = new AliasTable();
  const spelledOut = new Map<string, string>();
  for (const text of texts) {
    for (const [name, aliases] of definitions(text)) for (const a of aliases) table.join(name, a);
    for (const name of multiWordNames(text)) {
      const initials = initialsOf(name);
      if (initials.length >= 2 && !spelledOut.has(initials)) spelledOut.set(initials, name);
    }
  }
  for (const text of texts) {
    for (const m of text.matchAll(/(?<![\p{L}.])((?:\p{Lu}\.?){2,6})(?![\p{L}])/gu)) {
      const acronym = m[1]!.replace(/\./gu, '');
      const name = spelledOut.get(acronym);
      if (name) table.join(name, acronym);
    }
  }
  return table;
}

/**
 * "Name (Alias, ACR)" and "ACR (Name)": the capitalised name before a
 * parenthesis and the capitalised parts inside it.
 */
function definitions(text: string): Array<[string, string[]]> {
  const found: Array<[string, string[]]> = [];
  const re = /((?:\p{Lu}[\p{L}'’.-]*(?:\s+(?:(?:of|the|and|for|de|del|la|y)\s+)*)?){1,8})\s*\(([^()\n]{1,80})\)/gu;
  for (const m of text.matchAll(re)) {
    const name = m[1]!.trim();
    const parts = m[2]!
      .split(/[,;]|\bor\b/u)
      .map((p) => p.trim())
      .filter((p) => /^\p{Lu}/u.test(p) && !/\d/u.test(p) && p.split(/\s+/u).length <= 8);
    if (parts.length === 0 || name.split(/\s+/u).length > 8) continue;
    // A lone capital word before the parenthesis ("The", "Moscow") is a definition only when an acronym stands inside.
    if (!/\s/u.test(name) && !parts.some((p) => ACRONYM.test(p)) && !ACRONYM.test(name)) continue;
    found.push([name, parts]);
  }
  return found;
}

/** Sequences of at least two capitalised words, linking words allowed inside. */
function multiWordNames(text: string): string[] {
  const names: string[] = [];
  for (const m of text.matchAll(/\p{Lu}[\p{L}'’-]*(?:\s+(?:(?:of|the|and|for|de|del|la|y)\s+)*\p{Lu}[\p{L}'’-]*)+/gu)) {
    names.push(m[0]);
  }
  return names;
}

/** The initials of a name's capitalised words ("Communist Party of the Soviet Union" → "CPSU"). */
function initialsOf(name: string): string {
  return name
    .split(/\s+/u)
    .filter((w) => !LINKING.test(w.toLowerCase()))
    .map((w) => w[0]!.toUpperCase())
    .join('');
}
