"""Who learns: users, the agencies they work for, their teams and roles.

Every user has one `LearnerProfile`. A profile's agency is set from the
email domain at sign-up; team and role are chosen at first sign-in. A
practice lead's reach is the teams in `leads_teams` plus, when set, every
team of `leads_agency`.
"""

from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from simple_history.models import HistoricalRecords
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.search import index

from people.rules import ManagerFacts, manager_rule


class User(AbstractUser):
    """A person who signs in. Email is the login and is unique."""

    email = models.EmailField("email address", unique=True)

    class Meta:
        ordering = ["last_name", "first_name", "email"]
        # The platform's own permissions, granted to groups by people/groups.py
        # (the same list as `Capability`; a test checks the two agree).
        permissions = [
            ("see_team_training", "See the training records of the teams or agency they lead"),
            ("run_training_events", "Run classroom training events and review scenario attempts"),
            (
                "manage_partnership_training",
                "Manage people, requirements, events and personal data requests across the partnership",
            ),
            ("see_course_statistics", "See course statistics"),
        ]

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        name = self.get_full_name().strip()
        return name or self.email


class AgencyKind(models.TextChoices):
    CHILDRENS_SOCIAL_CARE = "childrens_social_care", "Children's social care"
    EARLY_HELP = "early_help", "Early help"
    HEALTH = "health", "Health"
    EDUCATION = "education", "Education"
    POLICE = "police", "Police"
    VOLUNTARY_SECTOR = "voluntary_sector", "Voluntary sector"
    LEGAL_SERVICES = "legal_services", "Legal services"
    ELECTED_MEMBERS = "elected_members", "Elected members"
    OTHER = "other", "Other"


class Agency(index.Indexed, ClusterableModel):
    """An organisation in the partnership. Sign-up is open to its email domains."""

    name = models.CharField(max_length=120, unique=True)
    slug = models.SlugField(max_length=60, unique=True)
    kind = models.CharField(max_length=30, choices=AgencyKind.choices, default=AgencyKind.OTHER)
    managers_from = models.ManyToManyField(
        "self",
        symmetrical=False,
        blank=True,
        related_name="+",
        verbose_name="Line managers may also come from",
        help_text="Other agencies whose staff may line-manage this agency's people. Its own staff always may.",
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("kind"),
        FieldPanel("managers_from"),
        InlinePanel("domains", label="Email domains"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "agencies"

    def __str__(self) -> str:
        return self.name


class AgencyDomain(models.Model):
    """An email domain whose owners may sign up, and the agency it places them in."""

    agency = ParentalKey(Agency, on_delete=models.CASCADE, related_name="domains")
    domain = models.CharField(
        max_length=120,
        unique=True,
        help_text="The part after the @, for example northbridge.gov.uk.",
    )

    class Meta:
        ordering = ["domain"]

    def __str__(self) -> str:
        return self.domain

    def save(self, *args: object, **kwargs: object) -> None:
        self.domain = normalise_domain(self.domain)
        super().save(*args, **kwargs)  # type: ignore[arg-type]


def normalise_domain(domain: str) -> str:
    return domain.strip().lower().lstrip("@").rstrip(".")


class Team(index.Indexed, models.Model):
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="teams")
    name = models.CharField(max_length=120)

    panels = [FieldPanel("agency"), FieldPanel("name")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["agency__name", "name"]
        constraints = [models.UniqueConstraint(fields=["agency", "name"], name="team_unique_name_in_agency")]

    def __str__(self) -> str:
        return f"{self.name} ({self.agency.name})"


class Role(index.Indexed, models.Model):
    """A job role. Training requirements are set per role (and optionally agency)."""

    name = models.CharField(max_length=120, unique=True)
    slug = models.SlugField(max_length=60, unique=True)
    description = models.CharField(max_length=255, blank=True)
    may_line_manage = models.BooleanField(
        "Can be a line manager",
        default=True,
        help_text="People in this role may be named as someone's line manager and approve their requests.",
    )

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description"), FieldPanel("may_line_manage")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class LearnerProfile(models.Model):
    user = models.OneToOneField(User, on_delete=models.CASCADE, related_name="profile")
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, null=True, blank=True, related_name="profiles")
    team = models.ForeignKey(Team, on_delete=models.SET_NULL, null=True, blank=True, related_name="profiles")
    role = models.ForeignKey(Role, on_delete=models.SET_NULL, null=True, blank=True, related_name="profiles")
    start_date = models.DateField(null=True, blank=True, help_text="The date the person started in their role.")
    line_manager = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="managed_profiles"
    )
    pause_reminders = models.BooleanField(
        default=False,
        help_text="The person has paused reminders that are not essential (training due soon, the weekly digest).",
    )
    leads_agency = models.ForeignKey(
        Agency,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="practice_leads",
        help_text="Practice leads only: every team in this agency.",
    )
    leads_teams = models.ManyToManyField(
        Team, blank=True, related_name="practice_leads", help_text="Practice leads only: these named teams."
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(excluded_fields=["created_at", "updated_at"])

    panels = [
        FieldPanel("agency"),
        FieldPanel("team"),
        FieldPanel("role"),
        FieldPanel("start_date"),
        FieldPanel("line_manager"),
        FieldPanel("leads_agency"),
        FieldPanel("leads_teams"),
    ]

    class Meta:
        indexes = [models.Index(fields=["agency", "role"]), models.Index(fields=["team"])]

    def __str__(self) -> str:
        return f"Profile of {self.user}"

    @property
    def is_complete(self) -> bool:
        """Team and role are chosen: the first-sign-in step is done."""
        return self.team_id is not None and self.role_id is not None


def manager_facts(manager: User, profile: LearnerProfile | None = None) -> ManagerFacts:
    """The line-manager rule's facts about `manager`, from their profile (read
    here unless given, with its role and agency)."""
    if profile is None:
        profile = LearnerProfile.objects.filter(user=manager).select_related("role", "agency").first()
    role = profile.role if profile is not None else None
    agency = profile.agency if profile is not None else None
    return ManagerFacts(
        name=manager.display_name,
        active=manager.is_active,
        role_name=role.name if role is not None else None,
        may_line_manage=bool(role and role.may_line_manage),
        agency_id=agency.pk if agency is not None else None,
        agency_name=agency.name if agency is not None else "",
    )


def accepted_manager_agencies(agency_id: int | None) -> set[int]:
    """The agencies whose staff may line-manage the staff of `agency_id` besides its own."""
    if not agency_id:
        return set()
    return set(
        Agency.managers_from.through.objects.filter(from_agency_id=agency_id).values_list("to_agency_id", flat=True)
    )


def line_manager_problem(learner_profile: LearnerProfile, manager: User | None) -> str:
    """Why `manager` may not line-manage the person of `learner_profile`, or ""
    when they may (`manager_rule`, with the facts read from the database)."""
    if manager is None:
        return ""
    if manager.pk == learner_profile.user_id:
        return "A person cannot be their own line manager."
    return manager_rule(
        manager_facts(manager),
        same_person=False,
        agency_id=learner_profile.agency_id,
        accepted_agency_ids=accepted_manager_agencies(learner_profile.agency_id),
    )


class ChangeStatus(models.TextChoices):
    PENDING = "pending", "Waiting for a decision"
    APPROVED = "approved", "Approved"
    REFUSED = "refused", "Not approved"
    WITHDRAWN = "withdrawn", "Withdrawn"


class ProfileChange(models.Model):
    """A learner's proposed change to their team, role or line manager.

    Nothing on the profile changes until the person's line manager or a
    training administrator approves it, so the matrix and every approval
    follow only what the organisation has agreed. A field left empty here is
    not part of the proposal. At most one proposal per person is pending."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="profile_changes")
    team = models.ForeignKey(Team, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    role = models.ForeignKey(Role, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    line_manager = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    start_date = models.DateField(null=True, blank=True)
    reason = models.CharField(max_length=500, blank=True)
    status = models.CharField(max_length=12, choices=ChangeStatus.choices, default=ChangeStatus.PENDING)
    requested_at = models.DateTimeField(auto_now_add=True)
    decided_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_note = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["-requested_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user"], condition=models.Q(status="pending"), name="profile_change_one_pending"
            )
        ]

    def __str__(self) -> str:
        return f"Change proposed by {self.user}"

    @property
    def is_pending(self) -> bool:
        return self.status == ChangeStatus.PENDING

    def describe(self) -> list[tuple[str, str]]:
        """What would change, as (field, new value) pairs in plain words."""
        items: list[tuple[str, str]] = []
        if self.team_id:
            items.append(("Team", str(self.team.name)))
        if self.role_id:
            items.append(("Role", str(self.role.name)))
        if self.line_manager_id:
            items.append(("Line manager", self.line_manager.display_name))
        if self.start_date:
            items.append(("Start date", f"{self.start_date:%-d %B %Y}"))
        return items
