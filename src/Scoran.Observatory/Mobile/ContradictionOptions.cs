using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Scoran.Observatory.Mobile;

/// <summary>
/// The thresholds of the « théorie vs mesures » contradiction rule, as settings
/// (<c>Scoran:Mobile:Contradiction:*</c>). The defaults are those of <see cref="ContradictionRule"/>;
/// an installation may tighten or loosen them (e.g. a campaign with many contributors) without a
/// code change. Bad values stop the host at start-up rather than silently producing a wrong list.
/// </summary>
public sealed class ContradictionOptions
{
    public const string Section = "Scoran:Mobile:Contradiction";

    /// <summary>Share (0–1) of the commune's population the operator must announce in good 4G.</summary>
    public decimal AnnouncedShare { get; set; } = ContradictionRule.Default.AnnouncedShare;

    public int MinMeasurements { get; set; } = ContradictionRule.Default.MinMeasurements;

    public int MinContributors { get; set; } = ContradictionRule.Default.MinContributors;

    public int MinEvidence { get; set; } = ContradictionRule.Default.MinEvidence;

    /// <summary>Share (0–1) of the measurements that must be evidence (no service, or 2G/3G only).</summary>
    public decimal MinEvidenceShare { get; set; } = ContradictionRule.Default.MinEvidenceShare;

    public ContradictionRule ToRule() => new(AnnouncedShare, MinMeasurements, MinContributors, MinEvidence, MinEvidenceShare);

    /// <summary>Field → reason for every value out of range (empty when the settings are usable).</summary>
    public IReadOnlyDictionary<string, string> Errors()
    {
        var errors = new Dictionary<string, string>();
        if (AnnouncedShare is < 0m or > 1m)
        {
            errors[nameof(AnnouncedShare)] = $"part entre 0 et 1 attendue (0.9 = 90 %), reçu {AnnouncedShare}";
        }

        if (MinEvidenceShare is < 0m or > 1m)
        {
            errors[nameof(MinEvidenceShare)] = $"part entre 0 et 1 attendue (0.3 = 30 %), reçu {MinEvidenceShare}";
        }

        // At least one measurement and one contributor: a rule that needs no evidence would list every announced commune.
        foreach (var (name, value) in new[] { (nameof(MinMeasurements), MinMeasurements), (nameof(MinContributors), MinContributors), (nameof(MinEvidence), MinEvidence) })
        {
            if (value < 1)
            {
                errors[name] = $"entier au moins égal à 1 attendu, reçu {value}";
            }
        }

        if (MinEvidence > MinMeasurements && !errors.ContainsKey(nameof(MinEvidence)))
        {
            errors[nameof(MinEvidence)] = $"ne peut dépasser MinMeasurements ({MinMeasurements}), reçu {MinEvidence}";
        }

        return errors;
    }

    /// <summary>Binds the section when the host has a configuration (web, CLI) and validates at start-up.</summary>
    public static void Register(IServiceCollection services)
    {
        services.AddOptions<ContradictionOptions>().ValidateOnStart();
        services.AddSingleton<IConfigureOptions<ContradictionOptions>>(sp => new ConfigureOptions<ContradictionOptions>(
            o => sp.GetService<IConfiguration>()?.GetSection(Section).Bind(o)));
        services.AddSingleton<IValidateOptions<ContradictionOptions>, Validator>();
    }

    private sealed class Validator : IValidateOptions<ContradictionOptions>
    {
        public ValidateOptionsResult Validate(string? name, ContradictionOptions options) =>
            options.Errors() is { Count: > 0 } errors
                ? ValidateOptionsResult.Fail(errors.Select(e => $"{Section}:{e.Key} : {e.Value}"))
                : ValidateOptionsResult.Success;
    }
}
