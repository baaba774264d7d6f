from __future__ import annotations

from typing import Any

from allauth.account import forms as allauth_forms
from django import forms
from django.contrib.auth.hashers import make_password
from django.contrib.auth.password_validation import MinimumLengthValidator, get_default_password_validators
from django.http import HttpRequest

from people.adapters import CONFIRMED_EMAIL_SESSION_KEY
from people.models import LearnerProfile, Role, Team, User, line_manager_problem


def password_hint() -> str:
    """The password rules in plain words, from the validators actually in force."""
    lengths = [v.min_length for v in get_default_password_validators() if isinstance(v, MinimumLengthValidator)]
    length = f"at least {max(lengths)} characters" if lengths else "several words"
    return f"Use {length}. Do not use a common password, your name or only numbers. A few random words work well."


class GovukFormMixin(forms.Form):
    """allauth's forms in our words: GOV.UK style labels and hints."""

    labels: dict[str, str] = {}
    hints: dict[str, str] = {}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            if name in self.labels:
                field.label = self.labels[name]
            if name in self.hints:
                field.help_text = self.hints[name]
        if "password1" in self.fields:
            # One plain sentence instead of the validators' HTML list.
            self.fields["password1"].help_text = password_hint()


class LoginForm(GovukFormMixin, allauth_forms.LoginForm):
    labels = {"login": "Email address", "remember": "Keep me signed in on this device"}
    # The "forgotten your password" link goes after the button, not between the two fields.
    hints = {"password": ""}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Straight after confirming an email address in a browser that did not sign
        # up, the address is filled in (once). No autofocus: GOV.UK advises against it.
        session = getattr(self.request, "session", None)
        self.confirmed_email = ""
        if session is not None and not self.is_bound:
            self.confirmed_email = session.pop(CONFIRMED_EMAIL_SESSION_KEY, "")
        if self.confirmed_email:
            self.fields["login"].initial = self.confirmed_email


class SignupForm(GovukFormMixin, allauth_forms.SignupForm):
    """Sign-up asks for the name that goes on certificates."""

    first_name = forms.CharField(label="First name", max_length=150)
    last_name = forms.CharField(label="Last name", max_length=150)
    field_order = ["first_name", "last_name", "email", "password1", "password2"]
    labels = {"email": "Work email address", "password1": "Create a password", "password2": "Type the password again"}
    hints = {"email": "Use the email address your agency gave you, for example name@northbridge.gov.uk."}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["first_name"].widget.attrs["autocomplete"] = "given-name"
        self.fields["last_name"].widget.attrs["autocomplete"] = "family-name"

    def try_save(self, request: HttpRequest) -> tuple[Any, Any]:
        """For an address that already has an account allauth sends that
        person an email and shows the same page as for a new account, but it
        never hashed the password, so the answer came many times sooner and
        told anyone timing it that the address was registered. Hash it here
        too (and throw the hash away), so both answers do the same work."""
        if self.account_already_exists:
            make_password(self.cleaned_data.get("password1") or None)
        return super().try_save(request)

    def custom_signup(self, request: HttpRequest, user: User) -> None:
        user.first_name = self.cleaned_data["first_name"].strip()
        user.last_name = self.cleaned_data["last_name"].strip()
        user.save(update_fields=["first_name", "last_name"])


class AddEmailForm(GovukFormMixin, allauth_forms.AddEmailForm):
    labels = {"email": "Another work email address"}


class ChangePasswordForm(GovukFormMixin, allauth_forms.ChangePasswordForm):
    labels = {
        "oldpassword": "Your current password",
        "password1": "New password",
        "password2": "Type the new password again",
    }


class SetPasswordForm(GovukFormMixin, allauth_forms.SetPasswordForm):
    labels = {"password1": "Password", "password2": "Type the password again"}


class ResetPasswordForm(GovukFormMixin, allauth_forms.ResetPasswordForm):
    labels = {"email": "Your work email address"}


class ResetPasswordKeyForm(GovukFormMixin, allauth_forms.ResetPasswordKeyForm):
    labels = {"password1": "New password", "password2": "Type the new password again"}


class ReauthenticateForm(GovukFormMixin, allauth_forms.ReauthenticateForm):
    labels = {"password": "Your password"}


LINE_MANAGER_REFUSED = (
    "We cannot add that address as your line manager. It must be the work email of someone who already "
    "has an account here, in a role that can line-manage, and in your agency or one it accepts managers "
    "from. Check the address, or leave it blank and ask your training team to add your line manager."
)


class ProfileForm(forms.ModelForm[LearnerProfile]):
    """The first-sign-in step, when nothing is on record yet. Later changes
    are proposals (`ChangeProposalForm`)."""

    line_manager_email = forms.EmailField(
        label="Your line manager's work email (optional)",
        required=False,
        help_text="They must already have an account. They can approve your training bookings.",
    )

    class Meta:
        model = LearnerProfile
        fields = ["team", "role", "start_date"]
        labels = {"team": "Your team", "role": "Your role", "start_date": "When you started in this role"}
        widgets = {"start_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}
        help_texts = {"start_date": "The date you started in this role. Training deadlines count from it."}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        profile: LearnerProfile = self.instance
        teams = Team.objects.select_related("agency")
        if profile.agency_id:
            teams = teams.filter(agency_id=profile.agency_id)
        self.fields["team"].queryset = teams
        self.fields["team"].required = True
        self.fields["team"].empty_label = "Choose your team"
        self.fields["role"].queryset = Role.objects.all()
        self.fields["role"].required = True
        self.fields["role"].empty_label = "Choose your role"
        self.fields["start_date"].required = False
        if profile.line_manager_id:
            self.fields["line_manager_email"].initial = profile.line_manager.email

    def clean_line_manager_email(self) -> User | None:
        email = (self.cleaned_data.get("line_manager_email") or "").strip().lower()
        if not email:
            return None
        manager = User.objects.filter(email__iexact=email).first()
        if manager is not None and manager.pk == self.instance.user_id:
            raise forms.ValidationError("You cannot be your own line manager.")
        # One answer whether the address has no account, a closed one, or one
        # that may not line-manage this person: anyone signed in could otherwise
        # learn who has an account here, and their name, role and agency.
        if manager is None or line_manager_problem(self.instance, manager):
            raise forms.ValidationError(LINE_MANAGER_REFUSED)
        return manager

    def save(self, commit: bool = True) -> LearnerProfile:
        profile = super().save(commit=False)
        profile.line_manager = self.cleaned_data.get("line_manager_email")
        if commit:
            profile.save()
        return profile


class ChangeProposalForm(ProfileForm):
    """A learner proposes a new team, role, manager or start date. The values
    are checked as on the first-sign-in step but saved as a proposal."""

    reason = forms.CharField(
        label="Why is this changing? (optional)",
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="For example: I moved to Assessment Team South on 1 March.",
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["line_manager_email"].label = "Your line manager's work email"
        self.fields["line_manager_email"].help_text = "They must already have an account."
        self.fields["team"].label = "Team"
        self.fields["role"].label = "Role"
        self.fields["start_date"].label = "Start date in this role"
