"""The admin's least-privilege pieces, shared by every app's `wagtail_hooks.py`.

- Snippet choosers ask for the same permission as the snippet's list:
  Wagtail's own chooser views need only admin access, so without this
  anyone who can enter the admin could read any snippet (learner profiles,
  completion records, outgoing email) through `/admin/snippets/choose/...`.
- `ReadOnlyPermissionPolicy` for records written only by the services.
- The user editor (`UserViewSet`, installed by `PeopleUsersAppConfig`) never
  grants more than the editor holds: no superuser box for non-superusers,
  groups limited to the editor's own (others the person holds are kept), no
  password fields (`WAGTAILUSERS_PASSWORD_ENABLED = False`), and accounts
  that can do something the editor cannot are not editable at all, since
  changing their email and resetting the password would take them over.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.contrib.auth.models import Group, Permission
from django.core.exceptions import PermissionDenied
from django.db.models import Model, Q
from django.http import HttpRequest
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import policy_registry
from wagtail.snippets.views import chooser as snippet_chooser
from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views import users as wagtail_users

from lib.admin_export import ExportingSnippetViewSet

LIST_ACTIONS = ("add", "change", "delete", "view")


class ReadOnlyPermissionPolicy(ModelPermissionPolicy):
    """Viewing follows the model's `view` permission; every other action is refused to everyone."""

    allowed = frozenset({"view"})

    def user_has_permission(self, user: Any, action: str) -> bool:
        return action in self.allowed and super().user_has_permission(user, action)

    def user_has_any_permission(self, user: Any, actions: Iterable[str]) -> bool:
        return any(self.user_has_permission(user, action) for action in actions)

    def users_with_any_permission(self, actions: Iterable[str]) -> Any:
        return super().users_with_any_permission([action for action in actions if action in self.allowed])

    def user_has_permission_for_instance(self, user: Any, action: str, instance: Model) -> bool:
        return self.user_has_permission(user, action)


def may_list(user: Any, model: type[Model]) -> bool:
    policy = policy_registry.get_by_type(model) or ModelPermissionPolicy(model)
    return bool(policy.user_has_any_permission(user, LIST_ACTIONS))


class _ListPermissionRequired:
    """Refuse a chooser view to anyone who could not open the snippet's list."""

    model_class: type[Model]

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
        if not may_list(request.user, self.model_class):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)  # type: ignore[misc]


class ChooseView(_ListPermissionRequired, snippet_chooser.ChooseView):
    pass


class ChooseResultsView(_ListPermissionRequired, snippet_chooser.ChooseResultsView):
    pass


class ChosenView(_ListPermissionRequired, snippet_chooser.SnippetChosenView):
    pass


class ChosenMultipleView(_ListPermissionRequired, snippet_chooser.SnippetChosenMultipleView):
    pass


class CreateView(_ListPermissionRequired, snippet_chooser.SnippetCreateView):
    pass


class SnippetChooserViewSet(snippet_chooser.SnippetChooserViewSet):
    choose_view_class = ChooseView
    choose_results_view_class = ChooseResultsView
    chosen_view_class = ChosenView
    chosen_multiple_view_class = ChosenMultipleView
    create_view_class = CreateView


class SnippetViewSet(ExportingSnippetViewSet):
    """Every snippet in the project uses this, so its chooser is guarded like its
    list, and its list downloads as CSV and Excel (formula-safe)."""

    chooser_viewset_class = SnippetChooserViewSet


# The user editor.


def _permission_ids(user: Any) -> set[int]:
    """Every permission the account holds through its groups or directly, active or not."""
    return set(Permission.objects.filter(Q(group__user=user) | Q(user=user)).values_list("pk", flat=True).distinct())


def can_edit_account(editor: Any, account: Any) -> bool:
    """Only an account that can do nothing the editor cannot: otherwise the
    editor could change its email, reset the password and become it."""
    if editor.is_superuser:
        return True
    if account.is_superuser or account.is_staff:
        return False
    extra_groups = account.groups.exclude(pk__in=editor.groups.values("pk")).exists()
    return not extra_groups and _permission_ids(account) <= _permission_ids(editor)


def grantable_groups(editor: Any) -> Any:
    return Group.objects.all() if editor.is_superuser else Group.objects.filter(user=editor)


class _BoundedUserForm:
    """No superuser box unless the editor is one; only the editor's own groups."""

    def __init__(self, *args: Any, editor: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        fields = self.fields  # type: ignore[attr-defined]
        if editor is None or not editor.is_superuser:
            fields.pop("is_superuser", None)
            fields.pop("is_staff", None)
        self._grantable = grantable_groups(editor) if editor is not None else Group.objects.none()
        if "groups" in fields:
            fields["groups"].queryset = self._grantable

    def clean_groups(self) -> list[Group]:
        chosen = list(self.cleaned_data.get("groups") or [])  # type: ignore[attr-defined]
        instance = self.instance  # type: ignore[attr-defined]
        if instance.pk is None:
            return chosen
        # Groups the editor cannot grant are not theirs to take away either.
        kept = instance.groups.exclude(pk__in=self._grantable.values("pk"))
        return chosen + list(kept)


class BoundedUserEditForm(_BoundedUserForm, UserEditForm):
    pass


class BoundedUserCreationForm(_BoundedUserForm, UserCreationForm):
    pass


class UserEditView(wagtail_users.EditView):
    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
        if not can_edit_account(request.user, self.object):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "editor": self.request.user}


class UserCreateView(wagtail_users.CreateView):
    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "editor": self.request.user}


class UserDeleteView(wagtail_users.DeleteView):
    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
        if not can_edit_account(request.user, self.get_object()):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class UserViewSet(wagtail_users.UserViewSet):
    add_view_class = UserCreateView
    edit_view_class = UserEditView
    delete_view_class = UserDeleteView

    def get_form_class(self, for_update: bool = False) -> Any:
        return BoundedUserEditForm if for_update else BoundedUserCreationForm


def refuse_user_bulk_escalation(request: HttpRequest, action_type: str, objects: Any, action: Any) -> Any:
    """The users list's bulk actions follow the editor's rules too (hooked in people/wagtail_hooks.py)."""
    from people.models import User

    if getattr(action, "model", None) is not User or request.user.is_superuser:
        return None
    if any(not can_edit_account(request.user, account) for account in objects):
        raise PermissionDenied
    if action_type == "assign_role":
        role = action.cleaned_form.cleaned_data["role"]
        if not grantable_groups(request.user).filter(pk=role.pk).exists():
            raise PermissionDenied
    return None
