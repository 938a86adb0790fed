'use strict';

/** An in-memory todo list; ids start at 1 and are never reused. */
class TodoList {
  #items = [];
  #nextId = 1;

  all() {
    return [...this.#items];
  }

  add(title) {
    const todo = { id: this.#nextId++, title, done: false };
    this.#items.push(todo);
    return todo;
  }

  toggle(id) {
    const todo = this.#items.find((t) => t.id === id);
    if (todo) {
      todo.done = !todo.done;
    }
    return todo;
  }
}

module.exports = { TodoList };
