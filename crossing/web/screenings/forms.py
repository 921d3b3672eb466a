"""The readers' forms: the list's filter (GET) and the reservation (POST). Field names are
fixed by the contract: country and town; name, email and quantity."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _

NAME_MAX = 100
EMAIL_MAX = 254


def _text(value: Any) -> str:
    """What the widget templates' `{{ value|stringformat:'s' }}` writes, escaped."""
    return str(conditional_escape(str(value)))


def _attrs(attrs: dict[str, Any]) -> str:
    """django/forms/widgets/attrs.html, in Python."""
    return "".join(
        f" {conditional_escape(name)}"
        if value is True
        else f' {conditional_escape(name)}="{_text(value)}"'
        for name, value in attrs.items()
        if value is not False
    )


class ListSelect(forms.Select):
    """Django's <select>, the same HTML to the byte, written here rather than through one
    template per option: the request form's hundreds of countries and time zones took
    ten times as long to render that way, each time the form came back with a message."""

    def render(
        self, name: str, value: Any, attrs: dict[str, Any] | None = None, renderer: Any = None
    ) -> SafeString:
        widget = self.get_context(name, value, attrs)["widget"]
        # django/forms/widgets/select.html and select_option.html (whose last line ends)
        parts = [f'<select name="{conditional_escape(widget["name"])}"{_attrs(widget["attrs"])}>']
        for group_name, group_choices, _index in widget["optgroups"]:
            if group_name:
                parts.append(f'\n  <optgroup label="{conditional_escape(group_name)}">')
            for option in group_choices:
                parts.append(
                    f'\n  <option value="{_text(option["value"])}"{_attrs(option["attrs"])}>'
                    f"{conditional_escape(option['label'])}</option>\n"
                )
            if group_name:
                parts.append("\n  </optgroup>")
        parts.append("\n</select>")
        return mark_safe("".join(parts))


class ReservationForm(forms.Form):
    name = forms.CharField(
        label=_("Your name"),
        max_length=NAME_MAX,
        error_messages={
            "required": _("Please give your name (it goes on the door list)."),
            "max_length": _("Please shorten your name to at most %(limit_value)d characters."),
        },
    )
    email = forms.EmailField(
        label=_("Your email address"),
        max_length=EMAIL_MAX,
        error_messages={
            "required": _("Please give your email address: the link to confirm is sent there."),
            "invalid": _("Please give an email address such as name@example.org."),
            "max_length": _("An email address has at most %(limit_value)d characters."),
        },
    )
    quantity = forms.IntegerField(label=_("Tickets"), initial=1)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        most = settings.CROSSING_SCREENINGS_MAX_TICKETS
        # The bounds come from the settings, read when the form is made (tests change them).
        message = _("Reserve from 1 to %(most)s tickets.") % {"most": most}
        self.fields["quantity"].error_messages = {"required": message, "invalid": message}
        self.quantity_message = message
        self.most = most

    def clean_quantity(self) -> int:
        value: int = self.cleaned_data["quantity"]
        if not 1 <= value <= self.most:
            raise forms.ValidationError(self.quantity_message)
        return value

    def clean_name(self) -> str:
        name: str = self.cleaned_data["name"].strip()
        if not name:
            raise forms.ValidationError(self.fields["name"].error_messages["required"])
        return name


class FilterForm(forms.Form):
    country = forms.CharField(required=False, max_length=2)
    town = forms.CharField(required=False, max_length=100)

    def clean_country(self) -> str:
        return str(self.cleaned_data["country"]).strip().upper()
