using Cee.Cli;

return await CeeApp.RunAsync(args, Console.Out, Console.Error, Console.IsOutputRedirected);
