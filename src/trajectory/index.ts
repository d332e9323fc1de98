export { joinConcentration, type TrajectoryArrival, type TrajectoryJoin, type JoinedTrajectory, type JoinStatus } from "./join";
export { pscf, cwt, trajectoryFrequency, type PscfOptions, type CwtOptions } from "./statistics";
export { binEndpoints, endpointColumns, type EndpointColumns, type GridOptions as TrajectoryGridOptions, type BinnedCells } from "./bin";
export { roundHalfEven, cellIndex, cellOf, type GridCell } from "./grid";
export { trajectoryGridTable, type TrajectoryCell, type TrajectoryGrid } from "./result";
export { PSCF_WEIGHTS, CWT_WEIGHTS, cellWeight, type CellWeightClasses } from "./tables/weights";
