// undici's Agent alone: its package index also loads fetch, WebSocket, cookies and the mock agents.
declare module 'undici/lib/dispatcher/agent.js' {
  import { Agent } from 'undici';
  export default Agent;
}
