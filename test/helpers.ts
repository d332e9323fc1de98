import { expect } from "vitest";
import { AozoraInputError } from "../src/io/errors";

/** Run `f`, which must throw an AozoraInputError, and return the error. */
export function thrown(f: () => unknown): AozoraInputError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(AozoraInputError);
    return e as AozoraInputError;
  }
  throw new Error("expected an AozoraInputError, but nothing was thrown");
}

/** Pearson correlation of two equal-length series (test helper). */
export function corr(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = a.length;
  let ma = 0,
    mb = 0;
  for (let i = 0; i < n; i++) {
    ma += a[i] / n;
    mb += b[i] / n;
  }
  let sab = 0,
    saa = 0,
    sbb = 0;
  for (let i = 0; i < n; i++) {
    sab += (a[i] - ma) * (b[i] - mb);
    saa += (a[i] - ma) ** 2;
    sbb += (b[i] - mb) ** 2;
  }
  return sab / Math.sqrt(saa * sbb);
}
