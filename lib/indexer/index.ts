export { lowerPriority } from './priority';
export { createProgress, type ProgressMode, type ProgressReporter } from './progress';
export { type IndexRunOptions, type IndexRunResult, runIndex } from './run';
export { formatSummary } from './summary';
export { countReportFiles } from './walk';
