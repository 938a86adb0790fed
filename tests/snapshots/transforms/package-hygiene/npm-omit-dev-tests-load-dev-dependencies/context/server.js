const { createApp } = require('./lib/app');
createApp().listen(3000);
