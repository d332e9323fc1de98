import { VOC_SPECIES_ROWS } from "./tables/species";
import { CO_ELUTING_PAIRS } from "./tables/coelution";

/**
 * Matching real column headers to registry species: case, spaces, punctuation, full-width
 * characters, Greek letters, Japanese and Chinese names (simplified and traditional), synonyms,
 * CAS numbers, and co-eluting pairs such as `m/p-xylene`. A header that matches nothing is
 * returned as unknown (with the closest known spelling as a suggestion), never dropped.
 */

/** How a header was matched. */
export type MatchedBy = "id" | "synonym" | "ja" | "zh" | "cas";

/** The result of matching one header. */
export type NameMatch =
  | { kind: "species"; id: string; by: MatchedBy }
  | { kind: "pair"; id: string; members: [string, string]; by: MatchedBy }
  | { kind: "unknown"; suggestion?: string };

/**
 * The comparison key of a name: Unicode NFKC (full-width → ASCII), lower case, Greek α/β →
 * alpha/beta, and without spaces and the punctuation `- , . _ ( ) [ ] / + & ' ’ · ・ 、 ，`.
 * `"m,p-Xylene"`, `"M/P xylene"` and `"m+p-xylene"` all become `"mpxylene"`; `"乙 烷"` → `"乙烷"`.
 */
export function nameKey(name: string): string {
  return name
    .normalize("NFKC")
    .toLowerCase()
    .replace(/α/g, "alpha")
    .replace(/β/g, "beta")
    .replace(/[\s\-‐‑–—,._()[\]/+&'’·・、，;:]/g, "");
}

const CAS_RE = /^\d{2,7}-\d{2}-\d$/;

interface IndexEntry {
  kind: "species" | "pair";
  id: string;
  by: MatchedBy;
}

function buildIndex(): Map<string, IndexEntry> {
  const idx = new Map<string, IndexEntry>();
  const add = (name: string, e: IndexEntry) => {
    const k = nameKey(name);
    if (k === "") return;
    const prev = idx.get(k);
    if (prev && (prev.id !== e.id || prev.kind !== e.kind)) {
      throw new Error(`aozora internal error: VOC name key "${k}" is ambiguous (${prev.id} / ${e.id})`);
    }
    if (!prev) idx.set(k, e);
  };
  for (const s of VOC_SPECIES_ROWS) {
    add(s.id, { kind: "species", id: s.id, by: "id" });
    add(s.ja, { kind: "species", id: s.id, by: "ja" });
    add(s.zh, { kind: "species", id: s.id, by: "zh" });
    for (const syn of s.synonyms) add(syn, { kind: "species", id: s.id, by: "synonym" });
    add(s.cas, { kind: "species", id: s.id, by: "cas" });
  }
  for (const p of CO_ELUTING_PAIRS) {
    add(p.id, { kind: "pair", id: p.id, by: "id" });
    add(p.ja, { kind: "pair", id: p.id, by: "ja" });
    add(p.zh, { kind: "pair", id: p.id, by: "zh" });
    for (const syn of p.synonyms) add(syn, { kind: "pair", id: p.id, by: "synonym" });
  }
  return idx;
}

let INDEX: Map<string, IndexEntry> | undefined;
function index(): Map<string, IndexEntry> {
  if (!INDEX) INDEX = buildIndex();
  return INDEX;
}

/** Every key of the name index with the species or pair it maps to (for inspection and tests). */
export function nameIndex(): ReadonlyMap<string, { kind: "species" | "pair"; id: string; by: MatchedBy }> {
  return index();
}

/** Extra user-supplied names: header text → registry id or pair id (e.g. `{ "TMB-124": "1,2,4-trimethylbenzene" }`). */
export type NameAliases = Record<string, string>;

/**
 * Match one header (without its unit) to a registry species or a co-eluting pair.
 * A CAS number (`"74-84-0"`) matches by CAS. User `aliases` are tried first.
 * @throws {RangeError} when an alias points to an id that is neither a registry species nor a co-eluting pair
 */
export function matchVocName(header: string, aliases: NameAliases = {}): NameMatch {
  const h = header.trim();
  for (const [alias, target] of Object.entries(aliases)) {
    if (nameKey(alias) === nameKey(h)) {
      const e = index().get(nameKey(target));
      if (!e)
        throw new RangeError(
          `alias "${alias}" points to "${target}", which is not a registry species or co-eluting pair`,
        );
      return toMatch(e, "synonym");
    }
  }
  const casLike = CAS_RE.test(h.normalize("NFKC"));
  const e = index().get(nameKey(h));
  if (e) return toMatch(e, casLike ? "cas" : e.by);
  return { kind: "unknown", suggestion: suggest(nameKey(h)) };
}

function toMatch(e: IndexEntry, by: MatchedBy): NameMatch {
  if (e.kind === "pair") {
    const p = CO_ELUTING_PAIRS.find((x) => x.id === e.id)!;
    return { kind: "pair", id: p.id, members: [p.members[0], p.members[1]], by };
  }
  return { kind: "species", id: e.id, by };
}

/** The registry id of the closest key (edit distance 1, or 2 for keys of 10+ characters), if any. */
function suggest(key: string): string | undefined {
  if (key.length < 4) return undefined;
  let best: { d: number; id: string } | undefined;
  for (const [k, e] of index()) {
    if (Math.abs(k.length - key.length) > 2) continue;
    const d = editDistance(k, key, 2);
    if ((d <= 1 || (d === 2 && key.length >= 10)) && (!best || d < best.d)) best = { d, id: e.id };
  }
  return best?.id;
}

/** Levenshtein distance, stopping early above `cap`. */
function editDistance(a: string, b: string, cap: number): number {
  const m = a.length;
  const n = b.length;
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= m; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > cap) return cap + 1;
    prev = cur;
  }
  return prev[n];
}
