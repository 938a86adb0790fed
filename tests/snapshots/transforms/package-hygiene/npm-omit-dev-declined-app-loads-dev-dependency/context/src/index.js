require('dotenv').config();
const express = require('express');
import morgan from 'morgan';
const { quote } = require('./quotes');
