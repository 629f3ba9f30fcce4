using Scoran.Web;

await ScoranWebApp.Build(args).RunAsync();

/// <summary>Entry point, public so that WebApplicationFactory can find it.</summary>
public partial class Program;
