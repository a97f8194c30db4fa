import { createRequire as __doclintRequire } from 'node:module'; const require = __doclintRequire(import.meta.url);
import{a as b,b as c,c as d}from"./chunk-L675RRUK.mjs";import{a}from"./chunk-5K6WZSZS.mjs";import"./chunk-J33TU7E7.mjs";import"./chunk-OJIGX2Y2.mjs";export{c as ExternalChecks,b as checkExternalUrls,a as defaultExternalOptions,d as parseRetryAfter};
