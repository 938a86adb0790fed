import { createApp } from "./app";

const port = Number(process.env.PORT ?? 8080);

const server = createApp().listen(port, () => {
  console.log(`listening on :${port}`);
});

// PID 1 in a container gets SIGTERM on `docker stop`; without a handler node ignores it
// and the engine has to wait for its 10 s timeout before killing the process.
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
