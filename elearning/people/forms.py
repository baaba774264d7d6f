from __future__ import annotations

from typing import Any

from allauth.account.forms import SignupForm as AllauthSignupForm
from django import forms
from django.http import HttpRequest

from elearning.people.models import LearnerProfile, Role, Team, User


class SignupForm(AllauthSignupForm):
    """Sign-up asks for the name that goes on certificates."""

    first_name = forms.CharField(label="First name", max_length=150)
    last_name = forms.CharField(label="Last name", max_length=150)
    field_order = ["first_name", "last_name", "email", "password1", "password2"]

    def save(self, request: HttpRequest) -> User:
        user: User = super().save(request)
        return user

    def custom_signup(self, request: HttpRequest, user: User) -> None:
        user.first_name = self.cleaned_data["first_name"].strip()
        user.last_name = self.cleaned_data["last_name"].strip()
        user.save(update_fields=["first_name", "last_name"])


class ProfileForm(forms.ModelForm[LearnerProfile]):
    """The first-sign-in step, and later changes to team, role and manager."""

    line_manager_email = forms.EmailField(
        label="Your line manager's work email (optional)",
        required=False,
        help_text="They must already have an account. They can approve your training bookings.",
    )

    class Meta:
        model = LearnerProfile
        fields = ["team", "role", "start_date"]
        labels = {"team": "Your team", "role": "Your role", "start_date": "When you started in this role"}
        widgets = {"start_date": forms.DateInput(attrs={"type": "date"})}

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
        manager = User.objects.filter(email__iexact=email, is_active=True).first()
        if manager is None:
            raise forms.ValidationError(
                "No one with that email has an account yet. Check the address, or leave it blank and add it later."
            )
        if manager.pk == self.instance.user_id:
            raise forms.ValidationError("You cannot be your own line manager.")
        return manager

    def save(self, commit: bool = True) -> LearnerProfile:
        profile = super().save(commit=False)
        profile.line_manager = self.cleaned_data.get("line_manager_email")
        if commit:
            profile.save()
        return profile
