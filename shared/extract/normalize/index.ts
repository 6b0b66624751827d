/** Exact readers for values found in Chinese documents: text clean-up, dates, money, rates, counts. */
export * from './reading.js';
export * from './text.js';
export * from './chineseNumerals.js';
export * from './decimal.js';
export * from './date.js';
export * from './money.js';
export * from './percent.js';
