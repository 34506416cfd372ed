"""Who someone is to the community: one definition, used by every app.

A person is a visitor, a member or a coordinator. The QuerySets' visibility rules, the
"members only" checks and the shared cache (racop.cache, which keys what it shares by
audience) all ask these functions, so they can never disagree about who sees what.

A coordinator holds the permission COORDINATE: the Coordinators group has it (a data
migration and racop.services.site_defaults_ensure grant it), and so does every superuser.
Staff status alone only opens the back office, with the model permissions a person was given:
a staff account outside the group is a member or a visitor like anyone else.
"""

VISITOR = "visitor"
MEMBER = "member"
COORDINATOR = "coordinator"
AUDIENCES = (VISITOR, MEMBER, COORDINATOR)

# members.User's Meta declares it.
COORDINATE = "members.coordinate"


def is_coordinator(user) -> bool:
    """Whether the person coordinates the community (the Coordinators group, or a superuser).

    Coordinators work in the back office, so they are staff too; asking is_staff first keeps
    the question free of queries for everybody else (has_perm caches on the user object).
    """
    return bool(user.is_authenticated and user.is_staff and user.has_perm(COORDINATE))


def sees_members_content(user) -> bool:
    """Whether the person sees what members see: an approved member, or a coordinator."""
    return bool(user.is_authenticated and (user.is_member or is_coordinator(user)))


def audience(user) -> str:
    """Return the audience whose pages the person is shown: visitor, member or coordinator.

    Two people of the same audience see the same shared content (never their own data)."""
    if is_coordinator(user):
        return COORDINATOR
    if sees_members_content(user):
        return MEMBER
    return VISITOR
