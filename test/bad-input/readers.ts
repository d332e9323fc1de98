// The readers under test, one import place for the corpus and the property tests.
export * as io from "./io-readers";
export * as qa from "../../src/qa/read";
export * as interlab from "../../src/interlab/read";
