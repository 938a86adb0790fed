module.exports = require('eslint/use-at-your-own-risk');
