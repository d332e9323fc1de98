export { readMonitoringTable } from "../../src/io/monitoring";
export { readEpaPmf } from "../../src/io/epapmf";
export { readXact } from "../../src/io/xact";
export { readHysplit } from "../../src/io/hysplit";
export { readHysplitFiles } from "../../src/io/hysplitfiles";
export { readProfiles, readSpeciate, readDilutionTunnel } from "../../src/io/profiles";
export { readRemoteSensing } from "../../src/io/remotesensing";
export { readVocTable } from "../../src/io/voc";
