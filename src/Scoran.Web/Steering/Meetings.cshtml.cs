using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Scoran.Accounts;
using Scoran.Steering;
using Scoran.Steering.Model;
using Scoran.Steering.Reviews;

namespace Scoran.Web.Steering;

public sealed class MeetingsModel(SteeringQueries queries, SteeringService service, IAuthorizationService authorization) : SteeringPageModel(authorization)
{
    public IReadOnlyList<(Meeting Meeting, Strategy Strategy, int Reviews)> Meetings { get; private set; } = [];

    public IReadOnlyList<StrategySummary> Strategies { get; private set; } = [];

    public bool CanCreate { get; private set; }

    [BindProperty] public NewMeeting Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await RequireAsync(ScoranPolicies.ReviewActions) is { } refused)
        {
            return refused;
        }

        if (ModelState.IsValid)
        {
            var (meeting, errors) = await service.CreateMeetingAsync(Input.Strategy ?? "", new MeetingInput(Input.Date, Input.Committee, Input.Attendees), Author, cancellationToken);
            if (meeting is not null)
            {
                return Redirect(SteeringDisplay.MeetingUrl(meeting.Id));
            }

            AddErrors(errors, "Input.");
        }

        await LoadAsync(cancellationToken);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Meetings = await queries.MeetingsAsync(cancellationToken);
        Strategies = await queries.StrategiesAsync(cancellationToken);
        CanCreate = await AllowedAsync(ScoranPolicies.ReviewActions);
    }

    public sealed class NewMeeting
    {
        [Display(Name = "Stratégie")] public string? Strategy { get; set; }
        [Display(Name = "Date de la séance")] public DateOnly? Date { get; set; }
        [Display(Name = "Comité")] public string? Committee { get; set; } = "Comité de pilotage du numérique";
        [Display(Name = "Participants (organisations et fonctions, un par ligne)")] public string? Attendees { get; set; }
    }
}
