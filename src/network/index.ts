/**
 * `aozora/network`: readers of the national monitoring networks' own files (Japan: 環境省
 * そらまめ君 downloads; China: the CNEMC archives, on branch t17-china).
 * @packageDocumentation
 */
export {
  readSoramame,
  isSoramameHeader,
  SORAMAME_CODES,
  type SoramameReadOptions,
  type SoramameRead,
} from "./soramame";
