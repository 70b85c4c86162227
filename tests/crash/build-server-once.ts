import type { TestProject } from 'vitest/node';
import { buildServerBundle } from '../../scripts/build-server.ts';

/**
 * Builds the server bundle once for every crash test file (each file used to build it in its own
 * worker, several esbuild runs at once on a 2-core machine), and hands its path to the tests.
 */
export default async function buildServerOnce(project: TestProject): Promise<void> {
  project.provide('serverBundle', await buildServerBundle());
}

declare module 'vitest' {
  export interface ProvidedContext {
    serverBundle: string;
  }
}
