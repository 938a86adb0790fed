const QUOTES = [
  { text: 'Make it work, make it right, make it fast.', author: 'Kent Beck' },
  { text: 'Simplicity is prerequisite for reliability.', author: 'Edsger W. Dijkstra' },
  { text: 'Programs must be written for people to read.', author: 'Harold Abelson' },
  { text: 'Premature optimization is the root of all evil.', author: 'Donald Knuth' },
];

/** The same quote all day: picked by the day of the year. */
function quoteOfTheDay(date) {
  const start = Date.UTC(date.getUTCFullYear(), 0, 0);
  const day = Math.floor((date.getTime() - start) / 86_400_000);
  return QUOTES[day % QUOTES.length];
}

function randomQuote() {
  return QUOTES[Math.floor(Math.random() * QUOTES.length)];
}

module.exports = { quoteOfTheDay, randomQuote, QUOTES };
