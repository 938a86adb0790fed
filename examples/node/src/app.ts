import express, { Request, Response } from "express";
import slugify from "slugify";

/** Turns free text into a URL slug; the one real endpoint of this service. */
export function toSlug(text: string): string {
  return slugify(text, { lower: true, strict: true, trim: true });
}

export function createApp(): express.Express {
  const app = express();
  app.disable("x-powered-by");

  app.get("/healthz", (_req: Request, res: Response) => {
    res.type("text/plain").send("ok");
  });

  // GET /api/slug?text=Hello%20World  ->  {"text":"Hello World","slug":"hello-world"}
  app.get("/api/slug", (req: Request, res: Response) => {
    const text = req.query.text;
    if (typeof text !== "string" || text.trim() === "") {
      res.status(400).json({ error: "query parameter 'text' is required" });
      return;
    }
    res.json({ text, slug: toSlug(text) });
  });

  return app;
}
