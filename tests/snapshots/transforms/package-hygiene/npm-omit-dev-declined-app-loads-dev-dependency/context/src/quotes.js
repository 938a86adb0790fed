module.exports = { quote: () => 'hi' };
