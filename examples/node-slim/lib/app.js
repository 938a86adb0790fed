'use strict';

const express = require('express');
const { TodoList } = require('./todos');

function createApp() {
  const app = express();
  const todos = new TodoList();
  app.use(express.json());

  app.get('/healthz', (_req, res) => res.type('text/plain').send('ok'));
  app.get('/api/todos', (_req, res) => res.json(todos.all()));
  app.post('/api/todos', (req, res) => {
    const title = typeof req.body?.title === 'string' ? req.body.title.trim() : '';
    if (!title) {
      return res.status(400).json({ error: "body must be {\"title\": \"...\"}" });
    }
    return res.status(201).json(todos.add(title));
  });
  app.patch('/api/todos/:id', (req, res) => {
    const todo = todos.toggle(Number(req.params.id));
    return todo ? res.json(todo) : res.status(404).json({ error: 'no such todo' });
  });
  return app;
}

module.exports = { createApp };
