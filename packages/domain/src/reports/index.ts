export * from './duration-histogram.ts';
export * from './local-time.ts';
export * from './report-figures.ts';
export * from './manager-board.ts';
