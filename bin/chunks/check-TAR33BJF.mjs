import { createRequire as __doclintRequire } from 'node:module'; const require = __doclintRequire(import.meta.url);
import{a as b,b as c,c as d}from"./chunk-BO7G5YM7.mjs";import{a}from"./chunk-5K6WZSZS.mjs";import"./chunk-XYFPZS5Y.mjs";import"./chunk-LE7M4PY6.mjs";export{c as ExternalChecks,b as checkExternalUrls,a as defaultExternalOptions,d as parseRetryAfter};
