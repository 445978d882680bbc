"""Reads for the public directory. Every queryset here is public: it holds only
verified organisations (and offers of verified research groups), and fetches
what its page shows in a fixed number of queries however many rows there are.
"""

from django.db.models import Case, IntegerField, Prefetch, Q, QuerySet, Value, When
from wagtail.images import get_image_model

from .models import (
    Area,
    Membership,
    Organisation,
    Partner,
    ResearchGroup,
    Sector,
    Startup,
    TechnologyOffer,
)
from .models.organisations import KIND_URL_SEGMENTS

# Rendition specs: twice the size they are shown at, for high-density screens.
LIST_LOGO = "max-160x160"
PROFILE_LOGO = "max-400x400"

KINDS_BY_URL_SEGMENT = {segment: kind for kind, segment in KIND_URL_SEGMENTS.items()}


def _logo_renditions(spec: str) -> Prefetch:
    """The logo's rendition, for rows that select_related("logo"). It is what
    Image.objects.prefetch_renditions(spec) stores, in one query instead of two
    (the images come with the rows)."""
    renditions = get_image_model().get_rendition_model().objects.filter(filter_spec=spec)
    return Prefetch("logo__renditions", queryset=renditions, to_attr="prefetched_renditions")


def _sectors() -> Prefetch:
    return Prefetch("sectors", queryset=Sector.objects.order_by("order", "name"))


def _public_members() -> Prefetch:
    # Only what the profile shows is loaded: never the members' emails.
    members = (
        Membership.objects.filter(user__is_active=True)
        .exclude(user__full_name="")
        .select_related("user")
        .only("organisation_id", "role", "title", "created_at", "user__id", "user__full_name")
        .annotate(
            owner_first=Case(
                When(role=Membership.Role.OWNER, then=Value(0)),
                default=Value(1),
                output_field=IntegerField(),
            )
        )
        .order_by("owner_first", "created_at", "pk")
    )
    return Prefetch("memberships", queryset=members, to_attr="public_members")


def sector_with_subsectors(sector: Sector) -> QuerySet:
    """The ids of a sector and its sub-sectors, as a subquery."""
    return Sector.objects.filter(Q(pk=sector.pk) | Q(parent_id=sector.pk)).values("pk")


def area_with_subareas(area: Area) -> QuerySet:
    """The ids of an area and the communes and wards inside it, as a subquery."""
    return Area.objects.filter(Q(pk=area.pk) | Q(parent_id=area.pk)).values("pk")


def organisations_in_sector(sector: Sector) -> QuerySet:
    """The ids of organisations in a sector or one of its sub-sectors, as a
    subquery: `pk__in` over it needs no join on the list and no DISTINCT."""
    return Organisation.sectors.through.objects.filter(
        sector_id__in=sector_with_subsectors(sector)
    ).values("organisation_id")


MODEL_KINDS = {
    Startup: Organisation.Kind.STARTUP,
    ResearchGroup: Organisation.Kind.RESEARCH_GROUP,
    Partner: Organisation.Kind.PARTNER,
}


def _public(model) -> QuerySet:
    # Naming the kind lets the database walk the (kind, status, name) index.
    return model.objects.public().filter(kind=MODEL_KINDS[model])


def startup_directory() -> QuerySet:
    """Verified startups with what a directory card shows, by name."""
    return (
        _public(Startup)
        .select_related("stage", "area", "logo")
        .prefetch_related(_sectors(), _logo_renditions(LIST_LOGO))
        .order_by("name", "pk")
    )


def research_group_directory() -> QuerySet:
    """Verified research groups with what a directory card shows, by name."""
    return (
        _public(ResearchGroup)
        .select_related("area", "host_institution", "logo")
        .prefetch_related(_sectors(), _logo_renditions(LIST_LOGO))
        .order_by("name", "pk")
    )


def partner_directory() -> QuerySet:
    """Verified partners with what a directory card shows, by name."""
    return (
        _public(Partner)
        .select_related("area", "logo")
        .prefetch_related(_sectors(), "services", _logo_renditions(LIST_LOGO))
        .order_by("name", "pk")
    )


def offer_directory() -> QuerySet:
    """Technology offers of verified research groups, newest first."""
    return (
        TechnologyOffer.objects.public()
        .select_related("research_group")
        .prefetch_related("expertise")
        .order_by("-created_at", "-pk")
    )


def host_institutions() -> QuerySet:
    """Verified partners that host at least one verified research group."""
    hosting = ResearchGroup.objects.public().values("host_institution_id")
    return _public(Partner).filter(pk__in=hosting).only("slug", "name").order_by("name")


def organisation_profiles(url_segment: str) -> QuerySet:
    """Verified organisations of the kind named by a directory URL segment
    ("startups", "research-groups", "partners"), with everything a public
    profile shows; an unknown segment gives an empty queryset."""
    kind = KINDS_BY_URL_SEGMENT.get(url_segment)
    common = [_sectors(), _logo_renditions(PROFILE_LOGO), _public_members()]
    if kind == Organisation.Kind.STARTUP:
        return (
            _public(Startup)
            .select_related("stage", "area__parent", "logo")
            .prefetch_related(*common)
        )
    if kind == Organisation.Kind.RESEARCH_GROUP:
        offers = TechnologyOffer.objects.prefetch_related("expertise").order_by("-created_at")
        return (
            _public(ResearchGroup)
            .select_related("area__parent", "host_institution", "logo")
            .prefetch_related(*common, "research_fields", Prefetch("offers", queryset=offers))
        )
    if kind == Organisation.Kind.PARTNER:
        # host_institution_id too: the prefetch matches each group to its host.
        groups = ResearchGroup.objects.public().only(
            "slug", "name", "kind", "tagline", "host_institution_id"
        )
        return (
            _public(Partner)
            .select_related("area__parent", "logo")
            .prefetch_related(
                *common,
                "services",
                Prefetch(
                    "research_groups",
                    queryset=groups.order_by("name"),
                    to_attr="public_research_groups",
                ),
            )
        )
    return Organisation.objects.none()
