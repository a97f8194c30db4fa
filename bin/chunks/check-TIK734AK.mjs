import { createRequire as __doclintRequire } from 'node:module'; const require = __doclintRequire(import.meta.url);
import{ExternalChecks,checkExternalUrls,parseRetryAfter}from"./chunk-H3YCKXEZ.mjs";import{defaultExternalOptions}from"./chunk-QPYDT4CT.mjs";import"./chunk-TOSFZT56.mjs";import"./chunk-V7YO6JNL.mjs";export{ExternalChecks,checkExternalUrls,defaultExternalOptions,parseRetryAfter};
