export * from './declare.js';
