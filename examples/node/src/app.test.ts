import { test } from "node:test";
import assert from "node:assert/strict";
import { AddressInfo } from "node:net";
import http from "node:http";
import { createApp, toSlug } from "./app";

function get(port: number, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: "127.0.0.1", port, path }, (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (chunk) => (body += chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      })
      .on("error", reject);
  });
}

test("a title with punctuation and accents becomes a lowercase slug", () => {
  assert.equal(toSlug("  Crème Brûlée: 10 Recipes!  "), "creme-brulee-10-recipes");
});

test("the server answers /healthz and /api/slug", async () => {
  const server = createApp().listen(0);
  try {
    const { port } = server.address() as AddressInfo;
    assert.deepEqual(await get(port, "/healthz"), { status: 200, body: "ok" });
    const slug = await get(port, "/api/slug?text=Hello%20World");
    assert.equal(slug.status, 200);
    assert.deepEqual(JSON.parse(slug.body), { text: "Hello World", slug: "hello-world" });
    assert.equal((await get(port, "/api/slug")).status, 400);
  } finally {
    server.close();
  }
});
