// Loads .env in development; in a container the environment comes from `docker run -e`.
// dotenv and morgan were added with `npm install -D` while prototyping and never moved to
// "dependencies": the app still needs both at run time, so `npm ci --omit=dev` would break it.
require('dotenv').config();

const express = require('express');
const morgan = require('morgan');
const { quoteOfTheDay, randomQuote } = require('./quotes');

const app = express();
app.use(morgan(process.env.NODE_ENV === 'production' ? 'combined' : 'dev'));

app.get('/healthz', (_req, res) => res.type('text/plain').send('ok'));
app.get('/api/quote', (req, res) => res.json(req.query.random === '1' ? randomQuote() : quoteOfTheDay(new Date())));

const port = Number(process.env.PORT || 8080);
const server = app.listen(port, () => console.log(`quotes listening on ${port}`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
