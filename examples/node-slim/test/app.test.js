'use strict';

const test = require('node:test');
const assert = require('node:assert');
const request = require('supertest');
const { createApp } = require('../lib/app');

test('a new todo is listed and can be ticked off', async () => {
  const app = createApp();
  const created = await request(app).post('/api/todos').send({ title: 'write the Dockerfile' }).expect(201);
  await request(app).patch(`/api/todos/${created.body.id}`).expect(200);
  const list = await request(app).get('/api/todos').expect(200);
  assert.deepStrictEqual(list.body, [{ id: created.body.id, title: 'write the Dockerfile', done: true }]);
});

test('a todo without a title is refused', async () => {
  await request(createApp()).post('/api/todos').send({}).expect(400);
});
