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
