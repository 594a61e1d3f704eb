export { generateCorpus, templateForYear, filePathFor, type ManifestEntry, type SynthOptions, type SynthReport } from './corpus';
export { writeCorpus, prepareOutDir, isInside, MANIFEST_FILE, type WriteProgress, type WriteResult } from './write';
export { applicationRuleFailures, reviewRuleFailures, type YearFigures } from './figures';
export type { Inconsistency } from './inconsistencies';
export { TABLE_SHAPES, type TableShape } from './shapes';
