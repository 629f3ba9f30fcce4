using Scoran.Testing;

namespace Scoran.Cli.Tests;

/// <summary>How the first administrator of a new installation is created.</summary>
public sealed class UsersCommandTests
{
    private static string NewDatabase() => $"Data Source={Path.Combine(SharedData.ArtifactsFolder("cli"), $"{Guid.NewGuid():N}.db")}";

    [Fact]
    public async Task The_first_administrator_is_created_with_the_password_from_the_environment_and_listed()
    {
        var database = NewDatabase();
        var password = new Dictionary<string, string> { ["SCORAN_PASSWORD"] = "une phrase de passe assez longue" };

        var added = await ScoranProgram.RunAsync(password, "users", "add", "admin@region-test.invalid", "--nom", "Claire Martin", "--role", "administrateur", "--connection", database);
        var again = await ScoranProgram.RunAsync(password, "users", "add", "admin@region-test.invalid", "--role", "administrateur", "--connection", database);
        var listed = await ScoranProgram.RunAsync("users", "list", "--connection", database);

        Assert.Equal(0, added.ExitCode);
        Assert.Contains("Compte créé : admin@region-test.invalid (administrateur).", added.Output);
        Assert.Equal(2, again.ExitCode);
        Assert.Contains("Un compte existe déjà pour admin@region-test.invalid.", again.Error);
        Assert.Equal("admin@region-test.invalid\tClaire Martin\tadministrateur", listed.Output.Trim());
    }

    [Theory]
    [InlineData("", "mot de passe manquant")]
    [InlineData("court", "Le mot de passe doit contenir au moins 12 caractères.")]
    public async Task A_missing_or_short_password_creates_nothing(string password, string reason)
    {
        var database = NewDatabase();
        var environment = password == "" ? new Dictionary<string, string>() : new Dictionary<string, string> { ["SCORAN_PASSWORD"] = password };

        var added = await ScoranProgram.RunAsync(environment, "users", "add", "agent@region-test.invalid", "--role", "gestionnaire-donnees", "--connection", database);
        var listed = await ScoranProgram.RunAsync("users", "list", "--connection", database);

        Assert.Equal(2, added.ExitCode);
        Assert.Contains(reason, added.Error);
        Assert.Equal("", listed.Output.Trim());
    }

    [Fact]
    public async Task An_unknown_role_is_refused_by_the_command_line()
    {
        var added = await ScoranProgram.RunAsync(new Dictionary<string, string> { ["SCORAN_PASSWORD"] = "une phrase de passe assez longue" },
            "users", "add", "agent@region-test.invalid", "--role", "roi", "--connection", NewDatabase());

        Assert.NotEqual(0, added.ExitCode);
        Assert.Contains("roi", added.Error);
    }
}
