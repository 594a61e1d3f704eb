export { CrossYearTracker, type CrossYearUpdate, crossYearChecks, type YearEntry } from './cross-year';
export { lowerPriority } from './priority';
export { createProgress, type ProgressMode, type ProgressReporter, silentProgress } from './progress';
export { type DuplicateFile, type FileFailure, type IndexRunOptions, type IndexRunResult, runIndex } from './run';
export { formatSummary } from './summary';
export { countReportFiles, PARTIAL_MARKER, type WalkItem, walkReportFiles } from './walk';
