"""Reading comments for a page: the approved ones as threads, the approved references, and
the one held comment its author may see through the signed link after posting."""

from __future__ import annotations

from dataclasses import dataclass, field

from .addressing import preview_id
from .models import Comment, Kind, Status


@dataclass(slots=True)
class Node:
    comment: Comment
    replies: list[Node] = field(default_factory=list)
    awaiting: bool = False  # the author's own held comment, shown only to them


def threads(page: str, *, also: Comment | None = None) -> tuple[list[Node], int]:
    """The page's approved comments as trees (oldest first at each level) and their count;
    `also` (a held comment) is placed where it will appear once approved."""
    comments = list(
        Comment.objects.filter(page=page, kind=Kind.COMMENT, status=Status.APPROVED).order_by(
            "created", "id"
        )
    )
    count = len(comments)
    if also is not None:
        comments.append(also)
    nodes = {c.pk: Node(c, awaiting=c.status != Status.APPROVED) for c in comments}
    roots: list[Node] = []
    for comment in comments:
        parent = nodes.get(comment.parent_id) if comment.parent_id else None
        (parent.replies if parent else roots).append(nodes[comment.pk])
    return roots, count


def references(page: str) -> list[Comment]:
    """Approved Webmentions: other pages that link to this one."""
    return list(
        Comment.objects.filter(page=page, kind=Kind.WEBMENTION, status=Status.APPROVED).order_by(
            "created", "id"
        )
    )


def awaiting(page: str, comment_id: str, token: str) -> Comment | None:
    """The held comment `comment_id` on `page`, if `token` is its fresh moderation hash."""
    if preview_id(token, comment_id) is None:
        return None
    return Comment.objects.filter(
        pk=int(comment_id), page=page, kind=Kind.COMMENT, status=Status.HELD
    ).first()


def reply_target(page: str, value: str) -> Comment | None:
    """The approved comment `?replytocom=<id>` names on this page, if there is one."""
    if not (value.isascii() and value.isdigit()):
        return None
    return Comment.objects.filter(
        pk=int(value), page=page, kind=Kind.COMMENT, status=Status.APPROVED
    ).first()
