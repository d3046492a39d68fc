// Tolk preview: one live-reload event stream for all of a browser's preview tabs (see live.js).
'use strict';
const ports = new Set();
let latest = null;   // the latest state, for tabs that connect later
const post = message => ports.forEach(port => port.postMessage(message));
const source = new EventSource('/_tolk/events');
source.addEventListener('state', e => {
  latest = { type: 'state', data: JSON.parse(e.data) };
  post(latest);
});
source.addEventListener('rebuild', e => {
  const data = JSON.parse(e.data);
  latest = { type: 'state', data };   // a rebuild event carries everything a state does
  post({ type: 'rebuild', data });
});
source.addEventListener('error', () => post({ type: 'down' }));
onconnect = e => {
  const port = e.ports[0];
  ports.add(port);
  port.onmessage = m => { if (m.data === 'bye') ports.delete(port); };
  port.start();
  if (latest) port.postMessage(latest);
};
