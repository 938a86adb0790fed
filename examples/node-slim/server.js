'use strict';

const { createApp } = require('./lib/app');

const port = Number(process.env.PORT || 3000);
const server = createApp().listen(port, () => {
  console.log(`todo API listening on ${port} (NODE_ENV=${process.env.NODE_ENV || 'unset'})`);
});

// docker stop sends SIGTERM to PID 1: close the server and exit instead of waiting to be killed.
process.on('SIGTERM', () => server.close(() => process.exit(0)));
