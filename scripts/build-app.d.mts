/** Builds the overview app into `outDir` (default dist/app) and resolves with the folder. */
export function buildApp(outDir?: string): Promise<string>;
