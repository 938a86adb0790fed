const express = require('express');
module.exports = { createApp: () => express() };
