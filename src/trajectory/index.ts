export {
  joinConcentration,
  type TrajectoryArrival,
  type TrajectoryJoin,
  type JoinedTrajectory,
  type JoinStatus,
} from "./join";
export { pscf, cwt, trajectoryFrequency, type PscfOptions, type CwtOptions } from "./statistics";
export { sqtba, type SqtbaOptions } from "./sqtba";
export {
  binEndpoints,
  endpointColumns,
  type EndpointColumns,
  type GridOptions as TrajectoryGridOptions,
  type BinnedCells,
} from "./bin";
export { cellIndex, cellOf, type GridCell } from "./grid";
export { trajectoryGridTable, type TrajectoryCell, type TrajectoryGrid } from "./result";
export { PSCF_WEIGHTS, CWT_WEIGHTS, cellWeight, type CellWeightClasses } from "./tables/weights";
export { trajectoryMapSpec, type TrajectoryMapOptions } from "./map";
export { TRAJECTORY_LABELS, trajectoryLabel } from "./labels";
export { readHysplitFiles, listTrajectoryFiles, type HysplitFilesRead } from "./read-hysplit-files";
export { countryOutlines, type MapExtent, type OutlineFeature } from "../figures/basemap";
export { readHysplit, type HysplitRead } from "./read-hysplit";
export {
  trajCluster,
  type TrajClusterOptions,
  type TrajClusterResult,
  type TrajClusterSummary,
  type TrajClusterLevel,
} from "./cluster";
export { trajClusterMapSpec, type TrajClusterMapOptions } from "./cluster-map";
