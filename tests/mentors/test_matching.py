"""The suggestion ranking and its reasons, on fixtures chosen so every rule
decides one place in the order."""

from datetime import timedelta

import pytest
from django.utils import timezone, translation

from ecosystem.models import ExpertiseTag, Sector, Stage
from mentors.matching import suggest_mentors
from mentors.models import Engagement, Language
from mentors.services import booking_create
from tests.factories import (
    MentorFactory,
    ProgrammeFactory,
    SlotFactory,
    StartupFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def mentor(name, *, sectors=(), expertise=(), languages=(), slots=1, **fields):
    profile = MentorFactory(user=UserFactory(full_name=name, groups=["Mentors"]), **fields)
    profile.sectors.set(Sector.objects.filter(slug__in=sectors))
    profile.expertise.set(ExpertiseTag.objects.filter(slug__in=expertise))
    profile.languages.set(Language.objects.filter(code__in=languages))
    for day in range(slots):
        SlotFactory(
            mentor=profile,
            starts_at=timezone.now() + timedelta(hours=2 + day),
            ends_at=timezone.now() + timedelta(hours=2 + day, minutes=30),
        )
    return profile


@pytest.fixture
def startup():
    return StartupFactory(
        sectors=[Sector.objects.get(slug="thuy-san")],
        stage=Stage.objects.get(slug="tang-truong"),
    )


def ranked(startup, **kwargs):
    with translation.override("en"):
        return [
            (s.mentor.user.full_name, s.reasons) for s in suggest_mentors(startup=startup, **kwargs)
        ]


def test_the_ranking_follows_the_rules_and_explains_itself(startup):
    export = ExpertiseTag.objects.get(slug="xuat-khau")
    mentor("A Assigned", slots=0)
    Engagement.objects.create(
        mentor=MentorFactory._meta.model.objects.get(user__full_name="A Assigned"),
        startup=startup,
        programme=ProgrammeFactory(name_en="Incubation 2027"),
    )
    mentor("B Sector and need", sectors=["thuy-san"], expertise=["xuat-khau"], languages=["en"])
    mentor("C Sector", sectors=["thuy-san"])
    mentor("D Related sector", sectors=["lua-gao"], years_of_experience=15)
    mentor("E Nothing in common", sectors=["du-lich"], slots=3)
    mentor("F Not accepting", sectors=["thuy-san"], accepting_new_startups=False)
    mentor("G Not approved", sectors=["thuy-san"], status="pending")

    result = ranked(startup, needs=[export], language="en")

    # Scores: B 3 + 4 + 1 + 0.5 = 8.5; C 3 + 0.5 = 3.5; A 5 - 2 = 3;
    # D 1 + 1 + 0.5 = 2.5; E 1.5. F does not take new startups; G is not approved.
    assert [name for name, _ in result] == [
        "B Sector and need",
        "C Sector",
        "A Assigned",
        "D Related sector",
        "E Nothing in common",
    ]
    reasons = dict(result)
    assert reasons["B Sector and need"] == [
        "shares sector Aquaculture and fisheries",
        "expertise Export matches your need",
        "speaks English",
        "1 free slot this month",
    ]
    assert reasons["A Assigned"] == [
        "assigned to you for Incubation 2027",
        "no free slot this month",
    ]
    assert reasons["D Related sector"][:2] == [
        "works in Agriculture",
        "15 years of experience for a growing company",
    ]


def test_a_full_calendar_pushes_a_mentor_down(startup):
    busy = mentor("Busy", sectors=["thuy-san"], monthly_hours_cap=1, slots=2)
    mentor("Free", sectors=["thuy-san"], slots=1)
    founder = UserFactory()
    other = StartupFactory(owner=founder)
    for slot in busy.slots.all():  # two half hours: the whole monthly hour
        booking_create(slot=slot, startup=other, user=founder, agenda="Gọi vốn")
    result = ranked(startup)
    assert [name for name, _ in result] == ["Free", "Busy"]
    assert dict(result)["Busy"] == [
        "shares sector Aquaculture and fisheries",
        "no free slot this month",
        "busy this month",
    ]
    assert dict(result)["Free"][-1] == "1 free slot this month"
