import { createRequire as __doclintRequire } from 'node:module'; const require = __doclintRequire(import.meta.url);
import{ExternalChecks,checkExternalUrls,parseRetryAfter}from"./chunk-D7TKSTVE.mjs";import{defaultExternalOptions}from"./chunk-QPYDT4CT.mjs";import"./chunk-UYAD5WDZ.mjs";import"./chunk-JCACRHM3.mjs";export{ExternalChecks,checkExternalUrls,defaultExternalOptions,parseRetryAfter};
