export { filePathFor, generateCorpus, type ManifestEntry, type SynthOptions, type SynthReport, templateForYear } from './corpus';
export { applicationRuleFailures, reviewRuleFailures, type YearFigures } from './figures';
export type { Inconsistency } from './inconsistencies';
export { TABLE_SHAPES, type TableShape } from './shapes';
export { isInside, MANIFEST_FILE, prepareOutDir, type WriteProgress, type WriteResult, writeCorpus } from './write';
