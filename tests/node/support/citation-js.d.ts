// citation-js ships no types; only what the round-trip tests use is declared.
declare module '@citation-js/core' {
  export class Cite {
    constructor(data: unknown, options?: { forceType?: string });
    data: Record<string, unknown>[];
    format(format: string, options?: Record<string, unknown>): string;
  }
  export const logger: Record<'warn' | 'error' | 'unmapped', (scope: string, ...msg: unknown[]) => void>;
}
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-ris';
