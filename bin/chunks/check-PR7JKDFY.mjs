import { createRequire as __doclintRequire } from 'node:module'; const require = __doclintRequire(import.meta.url);
import{a as b,b as c,c as d}from"./chunk-AA5SL3UF.mjs";import{a}from"./chunk-5K6WZSZS.mjs";import"./chunk-TJXC6JXD.mjs";import"./chunk-PV5XMIO3.mjs";export{c as ExternalChecks,b as checkExternalUrls,a as defaultExternalOptions,d as parseRetryAfter};
