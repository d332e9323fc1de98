import { speciesMatchKey } from "./species";
import type { ProfileProvenance, SourceProfile } from "./types";

/**
 * Profiles from a sources × species matrix of amounts (e.g. µg/m3 per unit contribution, or a
 * PMF F matrix): each row divided by its `total` species when given (e.g. "PM2.5"), else by the
 * row's sum. Categories default to the row names.
 * @throws {RangeError} when rows, names and species do not match in number, or the total species is not among the species
 */
export function profilesFromMatrix(
  F: ArrayLike<number>[],
  species: string[],
  names: string[],
  opts: { total?: string; categories?: string[]; provenance: ProfileProvenance },
): SourceProfile[] {
  if (F.length !== names.length) throw new RangeError(`profilesFromMatrix: ${F.length} rows for ${names.length} names`);
  const t =
    opts.total === undefined ? -1 : species.findIndex((s) => speciesMatchKey(s) === speciesMatchKey(opts.total!));
  if (opts.total !== undefined && t < 0)
    throw new RangeError(`profilesFromMatrix: total species "${opts.total}" is not among the species`);
  return F.map((row, k) => {
    if (row.length !== species.length)
      throw new RangeError(`profilesFromMatrix: row ${k} has ${row.length} values for ${species.length} species`);
    const vals = Array.from(row);
    const mass = t >= 0 ? vals[t] : vals.reduce((a, b) => a + b, 0);
    return {
      name: names[k],
      category: opts.categories?.[k] ?? names[k],
      species: [...species],
      fraction: vals.map((v) => v / mass),
      uncertainty: vals.map(() => NaN),
      unit: "g/g" as const,
      provenance: opts.provenance,
    };
  });
}
