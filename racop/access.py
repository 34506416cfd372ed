"""Who someone is to the community: one definition, used by every app.

A person is a visitor, a member or a coordinator. The QuerySets' visibility rules, the
"members only" checks and the shared cache (racop.cache, which keys what it shares by
audience) all ask these functions, so they can never disagree about who sees what.
"""

VISITOR = "visitor"
MEMBER = "member"
COORDINATOR = "coordinator"
AUDIENCES = (VISITOR, MEMBER, COORDINATOR)


def is_coordinator(user) -> bool:
    """Whether the person works in the back office (staff)."""
    return bool(user.is_authenticated and user.is_staff)


def sees_members_content(user) -> bool:
    """Whether the person sees what members see: an approved member, or a coordinator."""
    return bool(user.is_authenticated and (user.is_member or user.is_staff))


def audience(user) -> str:
    """Return the audience whose pages the person is shown: visitor, member or coordinator.

    Two people of the same audience see the same shared content (never their own data)."""
    if is_coordinator(user):
        return COORDINATOR
    if sees_members_content(user):
        return MEMBER
    return VISITOR
