var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();

app.MapGet("/todos", () => new[] { "write the Dockerfile" });

app.Run();
