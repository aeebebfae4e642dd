using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/Milepost.Bench -- --filter '*Schedul*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
