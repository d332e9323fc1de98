/**
 * Isomer pairs that co-elute on the usual GC columns of canister/online VOC systems and are
 * reported as one value (US EPA PAMS and Chinese PAMS lists report "m/p-xylene"; some systems
 * report "m/p-ethyltoluene"). The user chooses whether to keep the pair (averaged factors) or to
 * split it with a given fraction; the choice is recorded in the result.
 */
export interface CoElutingPair {
  id: string;
  members: [string, string];
  ja: string;
  zh: string;
  /** Header spellings of the pair (matched after name normalisation). */
  synonyms: string[];
}

export const CO_ELUTING_PAIRS: readonly CoElutingPair[] = [
  {
    id: "m,p-xylene",
    members: ["m-xylene", "p-xylene"],
    ja: "m,p-キシレン",
    zh: "间/对二甲苯",
    synonyms: [
      "m/p-xylene",
      "m+p-xylene",
      "m&p-xylene",
      "mp-xylene",
      "m,p-xylenes",
      "m/p-xylenes",
      "m-/p-xylene",
      "(m+p)-xylene",
      "m/p-キシレン",
      "m,p-二甲苯",
      "m/p-二甲苯",
      "间,对-二甲苯",
      "间对二甲苯",
      "间/对-二甲苯",
      "間/對二甲苯",
      "間,對-二甲苯",
      "m,p-キシレン",
    ],
  },
  {
    id: "m,p-ethyltoluene",
    members: ["m-ethyltoluene", "p-ethyltoluene"],
    ja: "m,p-エチルトルエン",
    zh: "间/对乙基甲苯",
    synonyms: [
      "m/p-ethyltoluene",
      "m+p-ethyltoluene",
      "3/4-ethyltoluene",
      "3,4-ethyltoluene",
      "m,p-乙基甲苯",
      "间,对-乙基甲苯",
      "间对乙基甲苯",
      "m/p-エチルトルエン",
    ],
  },
];
