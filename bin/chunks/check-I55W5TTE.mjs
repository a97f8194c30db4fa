import { createRequire as __doclintRequire } from 'node:module'; const require = __doclintRequire(import.meta.url);
import{a as b,b as c,c as d}from"./chunk-BWHH3AW2.mjs";import{a}from"./chunk-HXKS7F5T.mjs";import"./chunk-XFWAYBII.mjs";import"./chunk-WI54YZZH.mjs";export{c as ExternalChecks,b as checkExternalUrls,a as defaultExternalOptions,d as parseRetryAfter};
