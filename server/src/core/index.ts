/** The pure core's public surface, used by the language server and the CLI. */
export * from './config';
export * from './engine';
export * from './findings';
export * from './model';
export * from './project';
export * from './text';
export { RULES } from '../rules';
export { FORMATS, formatFor } from '../formats';
