/**
 * A structural check of Parquet column chunks before hyparquet decodes them: hyparquet 1.31
 * spends unbounded time and memory on a page header whose value count was damaged (found by
 * test/fuzz). Every page header of every column chunk is parsed (Thrift compact protocol) and
 * must stay inside its chunk, and the pages' value counts must add up to the chunk's.
 *
 * Format (https://parquet.apache.org/docs/file-format/, parquet.thrift `PageHeader`): field 1
 * type (0 DATA_PAGE, 2 DICTIONARY_PAGE, 3 DATA_PAGE_V2), 3 compressed_page_size, 5
 * DataPageHeader (1 num_values), 7 DictionaryPageHeader (1 num_values), 8 DataPageHeaderV2
 * (1 num_values, 5 definition_levels_byte_length, 6 repetition_levels_byte_length).
 */

/** A Thrift struct: field id → value (numbers for integers, nested structs as objects). */
type Struct = { [field: number]: unknown };

class Reader {
  constructor(
    readonly b: Uint8Array,
    public p: number,
    readonly end: number,
  ) {}
  byte(): number {
    if (this.p >= this.end) throw new Error("a page header past the end of its column chunk");
    return this.b[this.p++];
  }
  varint(): number {
    let result = 0,
      mul = 1;
    for (let i = 0; i < 10; i++) {
      const x = this.byte();
      result += (x & 0x7f) * mul;
      if (!(x & 0x80)) return result;
      mul *= 128;
    }
    throw new Error("a varint longer than 10 bytes");
  }
  zigzag(): number {
    const n = this.varint();
    return n % 2 === 0 ? n / 2 : -(n + 1) / 2;
  }
  skip(n: number): void {
    if (n < 0 || this.p + n > this.end) throw new Error("a page header field past the end of its column chunk");
    this.p += n;
  }
  value(type: number, depth: number): unknown {
    switch (type) {
      case 1:
        return true;
      case 2:
        return false;
      case 3:
        return this.byte();
      case 4:
      case 5:
      case 6:
        return this.zigzag();
      case 7:
        this.skip(8);
        return undefined;
      case 8:
        this.skip(this.varint());
        return undefined;
      case 9:
      case 10: {
        const h = this.byte();
        const size = h >> 4 === 15 ? this.varint() : h >> 4;
        if (size > this.end - this.p) throw new Error("a list longer than its page header");
        for (let i = 0; i < size; i++) this.value((h & 15) === 1 || (h & 15) === 2 ? 3 : h & 15, depth + 1);
        return undefined;
      }
      case 11: {
        const size = this.varint();
        if (size === 0) return undefined;
        if (size > this.end - this.p) throw new Error("a map longer than its page header");
        const kv = this.byte();
        for (let i = 0; i < size; i++) {
          this.value(kv >> 4, depth + 1);
          this.value(kv & 15, depth + 1);
        }
        return undefined;
      }
      case 12:
        return this.struct(depth + 1);
      default:
        throw new Error(`a Thrift field of unknown type ${type}`);
    }
  }
  struct(depth = 0): Struct {
    if (depth > 16) throw new Error("page header structs nested too deeply");
    const out: Struct = {};
    let id = 0;
    for (;;) {
      const h = this.byte();
      if (h === 0) return out;
      const delta = h >> 4;
      id = delta === 0 ? this.zigzag() : id + delta;
      out[id] = this.value(h & 15, depth);
    }
  }
}

const count = (x: unknown) => (typeof x === "number" && Number.isInteger(x) && x >= 0 ? x : -1);

/**
 * Why the pages of a column chunk are damaged, or undefined when their headers fit. `chunk` is
 * the chunk's bytes (from its first page to `total_compressed_size`), `at` its file offset (for
 * messages), `numValues` the chunk's value count from the file metadata.
 */
export function parquetChunkProblem(chunk: Uint8Array, numValues: number, at: number): string | undefined {
  const end = chunk.length;
  let p = 0,
    values = 0;
  try {
    while (p < end) {
      const r = new Reader(chunk, p, end);
      const h = r.struct();
      const compressed = count(h[3]);
      if (compressed < 0 || r.p + compressed > end)
        return `a page of ${String(h[3])} bytes at byte ${at + p}, beyond its column chunk`;
      const type = h[1];
      if (type === 0 || type === 3) {
        const d = (type === 0 ? h[5] : h[8]) as Struct | undefined;
        const n = count(d?.[1]);
        if (n < 0) return `a data page without a value count at byte ${at + p}`;
        if (type === 3) {
          const def = count(d?.[5]),
            rep = count(d?.[6]);
          if (def < 0 || rep < 0 || def + rep > compressed)
            return `a data page's level lengths beyond the page at byte ${at + p}`;
        }
        values += n;
        if (values > numValues) return `pages holding more values than the column chunk's ${numValues}`;
      } else if (type === 2) {
        if (count((h[7] as Struct | undefined)?.[1]) < 0)
          return `a dictionary page without a value count at byte ${at + p}`;
      } else if (type !== 1) return `a page of unknown type ${String(type)} at byte ${at + p}`;
      p = r.p + compressed;
    }
  } catch (e) {
    return `${(e as Error).message} (column chunk at byte ${at})`;
  }
  if (values !== numValues) return `pages holding ${values} values, the column chunk ${numValues}`;
  return undefined;
}
