const request = require('supertest');
