import { startPrimary } from './primary.ts';

await startPrimary();
