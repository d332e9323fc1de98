/**
 * Mechanism files from disk (or in-memory sources): CMAQ CHEMMECH `.def` and KPP `.eqn`/`.spc`,
 * loaded with the library's bounded file loading and strict text decoding, then parsed.
 * @packageDocumentation
 */

import { decodeText, type TextEncodingName } from "../io/decode";
import { loadBytes, type ReadLimits, type Source } from "../io/source";
import { parseChemmech, type ParseChemmechOptions } from "./chemmech";
import { parseKpp, type ParseKppOptions } from "./kpp";
import type { Mechanism } from "./mechanism";

/** Options of {@link readChemmech}. */
export interface ReadChemmechOptions extends Omit<ParseChemmechOptions, "file">, ReadLimits {
  /** Text encoding (default UTF-8; CMAQ's files are ASCII). */
  encoding?: TextEncodingName;
}

/**
 * Read a CMAQ CHEMMECH mechanism definition file ({@link parseChemmech} on its text).
 * @param src - a path, or `{ name, text }` / `{ name, bytes }`
 * @param options - `lenientExponent`, `encoding`, `maxFileBytes`
 * @returns the mechanism (its `file` is the path or name)
 * @throws {AozoraInputError} for a file that cannot be read, is too large or not valid text, and for
 *   everything {@link parseChemmech} refuses (naming file, line and reaction label)
 * @throws {RangeError} for a `maxFileBytes` that is not a positive integer
 */
export function readChemmech(src: Source, options: ReadChemmechOptions = {}): Mechanism {
  const { name, bytes } = loadBytes(src, options);
  return parseChemmech(decodeText(bytes, name, options.encoding), {
    file: name,
    lenientExponent: options.lenientExponent,
  });
}

/** Options of {@link readKpp}. */
export interface ReadKppOptions extends Omit<ParseKppOptions, "file" | "spc">, ReadLimits {
  /** The species file (`.spc`) when the equations file does not declare its species. */
  spc?: Source;
  /** Text encoding of both files (default UTF-8). */
  encoding?: TextEncodingName;
}

/**
 * Read a KPP equations file, and its species file when given ({@link parseKpp} on their text).
 * @param src - the `.eqn` (or `.kpp`): a path, or `{ name, text }` / `{ name, bytes }`
 * @param options - `spc`, `mcmRates`, `encoding`, `maxFileBytes`
 * @returns the mechanism
 * @throws {AozoraInputError} for a file that cannot be read, is too large or not valid text, and for
 *   everything {@link parseKpp} refuses (naming file, line and equation)
 * @throws {RangeError} for a `maxFileBytes` that is not a positive integer, or an unknown `mcmRates`
 */
export function readKpp(src: Source, options: ReadKppOptions = {}): Mechanism {
  const eqn = loadBytes(src, options);
  const spc = options.spc !== undefined ? loadBytes(options.spc, options) : undefined;
  return parseKpp(decodeText(eqn.bytes, eqn.name, options.encoding), {
    file: eqn.name,
    ...(options.mcmRates !== undefined ? { mcmRates: options.mcmRates } : {}),
    ...(spc ? { spc: { text: decodeText(spc.bytes, spc.name, options.encoding), file: spc.name } } : {}),
  });
}
