import { createRequire as __doclintRequire } from 'node:module'; const require = __doclintRequire(import.meta.url);
import{ExternalChecks,checkExternalUrls,parseRetryAfter}from"./chunk-F56AIAC2.mjs";import{defaultExternalOptions}from"./chunk-QPYDT4CT.mjs";import"./chunk-4GOMIUZW.mjs";import"./chunk-5N6BWLCY.mjs";export{ExternalChecks,checkExternalUrls,defaultExternalOptions,parseRetryAfter};
