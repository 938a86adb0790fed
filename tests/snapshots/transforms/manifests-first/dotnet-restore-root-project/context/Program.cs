Console.WriteLine("cart");
