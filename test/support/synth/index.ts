export { generateCorpus, type ManifestEntry, type SynthReport } from './corpus';
export { applicationRuleFailures, reviewRuleFailures } from './figures';

export { TABLE_SHAPES } from './shapes/index';
export { isInside, MANIFEST_FILE, type WriteProgress, writeCorpus } from './write';
