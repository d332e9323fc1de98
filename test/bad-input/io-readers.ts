export { readMonitoringTable } from "../../src/io/monitoring";
export { readEpaPmf } from "../../src/sourceapport/read-epapmf";
export { readXact } from "../../src/metals/read-xact";
export { readHysplit } from "../../src/trajectory/read-hysplit";
export { readHysplitFiles } from "../../src/trajectory/read-hysplit-files";
export { readProfiles, readSpeciate, readDilutionTunnel } from "../../src/profiles/read";
export { readRemoteSensing } from "../../src/remotesensing/read";
export { readVocTable } from "../../src/models/voc/read";
