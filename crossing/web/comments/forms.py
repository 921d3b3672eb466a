"""The comment form. Its field names are fixed: the spam defence, the moderation helpers and
the tests post to them (page, parent, name, email, website, comment, notify, homepage,
form_time)."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from ..spam.checks import HONEYPOT_FIELD

NAME_MAX = 100
EMAIL_MAX = 254
WEBSITE_MAX = 200


class CommentForm(forms.Form):
    page = forms.CharField(max_length=200, widget=forms.HiddenInput)
    parent = forms.CharField(required=False, widget=forms.HiddenInput)
    name = forms.CharField(
        label=_("Name"),
        max_length=NAME_MAX,
        error_messages={
            "required": _("Please give your name (it is shown with your comment)."),
            "max_length": _("Please shorten your name to at most %(limit_value)d characters."),
        },
    )
    email = forms.EmailField(
        label=_("Email"),
        max_length=EMAIL_MAX,
        error_messages={
            "required": _("Please give your email address (it is never shown)."),
            "invalid": _("Please give an email address such as name@example.org."),
            "max_length": _("An email address has at most %(limit_value)d characters."),
        },
    )
    website = forms.CharField(
        label=_("Website"),
        required=False,
        max_length=WEBSITE_MAX,
        error_messages={
            "max_length": _("Please give an address of at most %(limit_value)d characters."),
        },
    )
    comment = forms.CharField(
        label=_("Comment"),
        strip=False,
        widget=forms.Textarea(attrs={"rows": 8, "cols": 45}),
        error_messages={"required": _("Please type your comment.")},
    )
    notify = forms.BooleanField(label=_("Email me when someone replies"), required=False)
    form_time = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # The honeypot: a field only robots fill in (its name is the spam defence's).
        self.fields[HONEYPOT_FIELD] = forms.CharField(required=False, label=_("Leave empty"))

    def clean_website(self) -> str:
        website: str = self.cleaned_data["website"].strip()
        if not website:
            return ""
        if "://" not in website:
            website = f"https://{website}"  # "example.org" as typed by many
        parts = urlsplit(website)
        if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
            raise forms.ValidationError(
                _("Please give a web address starting with https:// or http://, or leave it empty.")
            )
        if "." not in parts.hostname or any(c.isspace() for c in website):
            raise forms.ValidationError(
                _("Please give a web address such as https://example.org, or leave it empty.")
            )
        if len(website) > WEBSITE_MAX:
            raise forms.ValidationError(
                _("Please give an address of at most %(limit)d characters.")
                % {"limit": WEBSITE_MAX}
            )
        return website

    def clean_comment(self) -> str:
        text: str = self.cleaned_data["comment"]
        if not text.strip():
            raise forms.ValidationError(_("Please type your comment."))
        limit = settings.CROSSING_COMMENT_MAX_CHARS
        length = len(text.strip())
        if length > limit:
            raise forms.ValidationError(
                ngettext(
                    "A comment has at most %(limit)d characters; this one has %(length)d.",
                    "A comment has at most %(limit)d characters; this one has %(length)d.",
                    limit,
                )
                % {"limit": limit, "length": length}
            )
        return text

    def clean_parent(self) -> int | None:
        value: str = self.cleaned_data["parent"].strip()
        if not value:
            return None
        if not (value.isascii() and value.isdigit()):
            raise forms.ValidationError(_("The comment you reply to is not known."))
        return int(value)
