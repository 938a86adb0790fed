Console.WriteLine(args.Length > 0 ? $"ran with {args[0]}" : "ran");
