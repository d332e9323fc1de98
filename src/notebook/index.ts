/**
 * Notebook helpers: progress lines that update in place (tslab display entries), and the build
 * status reported by the project's kernel launcher.
 */
import { warnBuildProblems } from "./buildstatus";

export {
  progress,
  progressLine,
  type ProgressCallback,
  type ProgressDisplay,
  type ProgressOptions,
  type ProgressSink,
} from "./progress";
export { buildProblems } from "./buildstatus";

warnBuildProblems();
