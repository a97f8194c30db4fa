import { createRequire as __doclintRequire } from 'node:module'; const require = __doclintRequire(import.meta.url);
var e={concurrency:64,perHost:4,timeout:15e3,retries:2,allowPrivate:!1,userAgent:"Mozilla/5.0 (compatible; doclint; +https://github.com/doclint/doclint)",maxRedirects:5,retryAfterCeiling:3e4,acceptStatuses:[],fragments:!1,maxBodyBytes:2097152,hosts:{}};export{e as a};
