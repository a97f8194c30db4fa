import { createRequire as __doclintRequire } from 'node:module'; const require = __doclintRequire(import.meta.url);
import{ExternalChecks,checkExternalUrls,parseRetryAfter}from"./chunk-J77LKM3V.mjs";import{defaultExternalOptions}from"./chunk-QPYDT4CT.mjs";import"./chunk-F3SQ5YKY.mjs";import"./chunk-YFON6JEN.mjs";export{ExternalChecks,checkExternalUrls,defaultExternalOptions,parseRetryAfter};
