"""The Mentoring menu of the admin, in this order."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from .mentors import MentorViewSet
from .sessions import BookingViewSet, EngagementViewSet, LanguageViewSet, SlotViewSet
from .startups import StartupStatsViewSet


class MentoringViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Mentoring")
    menu_icon = "user"
    menu_order = 180
    items = (
        MentorViewSet,
        SlotViewSet,
        BookingViewSet,
        EngagementViewSet,
        StartupStatsViewSet,
        LanguageViewSet,
    )
