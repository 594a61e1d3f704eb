export { runIndex, type IndexRunOptions, type IndexRunResult, type FileFailure, type DuplicateFile } from './run';
export { walkReportFiles, countReportFiles, PARTIAL_MARKER, type WalkItem } from './walk';
export { CrossYearTracker, crossYearChecks, type YearEntry, type CrossYearUpdate } from './cross-year';
export { createProgress, silentProgress, type ProgressReporter, type ProgressMode } from './progress';
export { formatSummary } from './summary';
export { lowerPriority } from './priority';
