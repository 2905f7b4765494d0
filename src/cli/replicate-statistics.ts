// The statistics across replicates live in the model's experiment layer (the facts and the
// CLI's summaries share them); re-exported here for the CLI's existing imports.
export * from '../model/replicate-statistics.ts';
