/** What one import may cost. Each is named in the refusal when a file goes over it. */
export type ImportLimits = {
  /** Wall-clock time for reading and checking the file, ms. */
  timeMs: number;
  /** Heap of the worker that reads it, MB (worker_threads resourceLimits.maxOldGenerationSizeMb). */
  memoryMb: number;
  /** Sum of a .docx or .xlsx archive's entries once inflated, bytes. */
  inflatedBytes: number;
  /** Files read at the same time; more wait their turn no longer than they would be refused. */
  concurrent: number;
};

// A 30-page Word plan reads in about a second here; 5 MB of empty Word paragraphs took 27 s.
export const DEFAULT_IMPORT_LIMITS: ImportLimits = { timeMs: 10_000, memoryMb: 256, inflatedBytes: 50_000_000, concurrent: 2 };
