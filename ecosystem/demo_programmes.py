"""Demo support programmes: calls that are open, upcoming and closed, applications
in every state with their history, a council with reviews and decisions.
Tier S adds 16 programmes and 5,000 applications, one call with 500 of them and
1,500 reviews, in bulk."""

import random
from datetime import timedelta

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone

from accounts.demo import demo_email, demo_password, vietnamese_name
from accounts.models import User

from .models import (
    Application,
    ApplicationTransition,
    Call,
    Criterion,
    Decision,
    InformationRequest,
    Membership,
    Programme,
    ResearchGroup,
    Review,
    Score,
    Sector,
    Startup,
)
from .services.applications import application_transition

S = Application.Status

QUESTIONS = [
    ("short_text", {"key": "product-name", "label": "Tên sản phẩm, dịch vụ",
                    "label_en": "Product or service", "help_text": "", "help_text_en": "",
                    "required": True}),
    ("long_text", {"key": "problem", "label": "Vấn đề bạn giải quyết",
                   "label_en": "The problem you solve",
                   "help_text": "Ai gặp vấn đề này, và họ đang xử lý thế nào?",
                   "help_text_en": "Who has this problem, and how do they cope today?",
                   "required": True, "max_length": 1500}),
    ("long_text", {"key": "plan", "label": "Kế hoạch sử dụng kinh phí hỗ trợ",
                   "label_en": "How you will use the support", "help_text": "",
                   "help_text_en": "", "required": True, "max_length": 2000}),
    ("number", {"key": "team-size", "label": "Số thành viên", "label_en": "Team size",
                "help_text": "", "help_text_en": "", "required": False,
                "min_value": 1, "max_value": 500}),
    ("choice", {"key": "market", "label": "Thị trường chính", "label_en": "Main market",
                "help_text": "", "help_text_en": "", "required": True,
                "options": [
                    {"value": "tinh", "label": "Trong tỉnh", "label_en": "In the province"},
                    {"value": "trong-nuoc", "label": "Cả nước", "label_en": "Nationwide"},
                    {"value": "xuat-khau", "label": "Xuất khẩu", "label_en": "Export"},
                ]}),
    ("file", {"key": "business-plan", "label": "Kế hoạch kinh doanh",
              "label_en": "Business plan",
              "help_text": "PDF, DOCX hoặc XLSX, tối đa 20 MB.",
              "help_text_en": "PDF, DOCX or XLSX, at most 20 MB.", "required": False}),
]  # fmt: skip

CRITERIA = [
    ("Tính mới, sáng tạo", "Novelty", 3),
    ("Khả năng thương mại hóa", "Commercial potential", 3),
    ("Năng lực đội ngũ", "Team", 2),
    ("Tác động kinh tế - xã hội của tỉnh", "Impact on the province", 2),
]

# slug, name, name_en, kind, budget, calls: (slug suffix, title, title_en, opens, closes,
# kinds accepted, max award) with opens/closes in days from today
PROGRAMMES = [
    ("uom-tao-khoi-nghiep", "Chương trình Ươm tạo khởi nghiệp đổi mới sáng tạo",
     "Innovation startup incubation programme", "incubation", 3_000_000_000, [
         ("2025", "Ươm tạo khởi nghiệp đợt 1 năm 2025", "Incubation, round 1 2025", -400, -330,
          ("startup",), 150_000_000),
         ("2026", "Ươm tạo khởi nghiệp đợt 2 năm 2026", "Incubation, round 2 2026", -15, 20,
          ("startup",), 200_000_000),
     ]),
    ("thuong-mai-hoa-san-pham", "Hỗ trợ thương mại hóa sản phẩm khởi nghiệp",
     "Support for bringing startup products to market", "grant", 5_000_000_000, [
         ("2026", "Hỗ trợ thương mại hóa năm 2026", "Market support 2026", -40, 5,
          ("startup",), 300_000_000),
     ]),
    ("chuyen-giao-cong-nghe", "Chuyển giao công nghệ cho doanh nghiệp nhỏ và vừa",
     "Technology transfer for small and medium enterprises", "technology_transfer",
     4_000_000_000, [
         ("2027", "Kết nối chuyển giao công nghệ năm 2027", "Technology transfer matching 2027",
          15, 75, ("startup", "research_group"), 500_000_000),
     ]),
    ("nhiem-vu-khcn-cap-tinh", "Tuyển chọn nhiệm vụ KH&CN cấp tỉnh",
     "Selection of provincial S&T tasks", "st_task", 12_000_000_000, [
         ("2027", "Tuyển chọn nhiệm vụ KH&CN cấp tỉnh năm 2027", "Provincial S&T tasks 2027",
          -20, 25, ("research_group",), 1_500_000_000),
     ]),
]  # fmt: skip

# The state each demo application of an open or closed call ends in.
STORIES = [
    [S.SUBMITTED],
    [S.SUBMITTED, S.SCREENING],
    [S.SUBMITTED, S.INELIGIBLE],
    [S.SUBMITTED, S.IN_REVIEW],
    [S.SUBMITTED, S.IN_REVIEW, S.INFO_REQUESTED],
    [S.SUBMITTED, S.IN_REVIEW, S.SHORTLISTED],
    [S.SUBMITTED, S.IN_REVIEW, S.SHORTLISTED, S.ACCEPTED],
    [S.SUBMITTED, S.IN_REVIEW, S.REJECTED],
    [S.SUBMITTED, S.WITHDRAWN],
    [],  # still a draft
]
REVIEWED = {S.IN_REVIEW, S.INFO_REQUESTED, S.SHORTLISTED, S.ACCEPTED, S.REJECTED}
COUNCIL_SIZE = 6


def council() -> list[User]:
    group = Group.objects.get(name="Council members")
    members = list(group.user_set.order_by("pk"))
    rng = random.Random(44)
    while len(members) < COUNCIL_SIZE:
        number = 90_000 + len(members)
        name = "TS. " + vietnamese_name(rng)
        user, _ = User.objects.get_or_create(
            email=demo_email(name, number),
            # Known passwords only on a developer's machine, as for the other demo people.
            defaults={
                "full_name": name,
                "password": make_password(demo_password() if settings.DEBUG else None),
            },
        )
        EmailAddress.objects.get_or_create(
            user=user, email=user.email, defaults={"verified": True, "primary": True}
        )
        user.groups.add(group)
        members.append(user)
    return members


def make_call(programme, suffix, title, title_en, opens, closes, kinds, max_award, today):
    call, created = Call.objects.get_or_create(
        slug=f"{programme.slug}-{suffix}",
        defaults={
            "programme": programme,
            "title": title,
            "title_en": title_en,
            "summary": f"{programme.name}: {title.lower()}.",
            "summary_en": f"{programme.name_en}: {title_en.lower()}.",
            "opens_at": today + timedelta(days=opens),
            "closes_at": today + timedelta(days=closes),
            "accepts_startups": "startup" in kinds,
            "accepts_research_groups": "research_group" in kinds,
            "max_award": max_award,
            "required_documents": "Kế hoạch kinh doanh\nBáo cáo tài chính gần nhất",
            "required_documents_en": "Business plan\nLatest financial statement",
            "questions": QUESTIONS,
        },
    )
    if created:
        Criterion.objects.bulk_create(
            Criterion(call=call, name=name, name_en=name_en, weight=weight, sort_order=order)
            for order, (name, name_en, weight) in enumerate(CRITERIA)
        )
    return call


def answers_for(organisation, rng) -> dict:
    return {
        "product-name": organisation.tagline or organisation.name,
        "problem": organisation.description or organisation.tagline,
        "plan": "Đầu tư thiết bị, hoàn thiện sản phẩm và mở rộng kênh bán hàng.",
        "team-size": getattr(organisation, "team_size", None) or rng.randint(3, 15),
        "market": rng.choice(["tinh", "trong-nuoc", "xuat-khau"]),
    }


def seed(*, tier: str, log) -> None:
    coordinator = User.objects.filter(email="coordinator@example.com").first()
    reviewers = council()
    # Calls close at 17:00 local time, as the Department's do.
    today = timezone.localtime().replace(hour=17, minute=0, second=0, microsecond=0)
    rng = random.Random(4)
    # The hand-written demo organisations (created first), not tier S's generated ones.
    startups = list(Startup.objects.public().order_by("pk")[:40])
    groups = list(ResearchGroup.objects.public().order_by("pk")[:10])

    for slug, name, name_en, kind, budget, calls in PROGRAMMES:
        programme, created = Programme.objects.get_or_create(
            slug=slug,
            defaults={
                "name": name,
                "name_en": name_en,
                "kind": kind,
                "total_budget": budget,
                "description": f"{name} do Sở Khoa học và Công nghệ tổ chức.",
                "description_en": f"{name_en}, run by the Department of Science and Technology.",
            },
        )
        if created and coordinator:
            programme.coordinators.add(coordinator)
        for suffix, title, title_en, opens, closes, kinds, max_award in calls:
            call = make_call(
                programme, suffix, title, title_en, opens, closes, kinds, max_award, today
            )
            if call.state == Call.State.UPCOMING or call.applications.exists():
                continue
            pool = startups if "startup" in kinds else groups
            for index, organisation in enumerate(rng.sample(pool, min(len(pool), 10))):
                story = STORIES[index % len(STORIES)]
                if call.state == Call.State.CLOSED and not story:
                    continue
                with transaction.atomic():
                    tell_story(call, organisation, story, reviewers, coordinator, rng)

    if tier == "S":
        seed_generated(reviewers=reviewers, today=today, rng=rng)
    log(
        f"programmes: {Programme.objects.count()} programmes, {Call.objects.count()} calls, "
        f"{Application.objects.count()} applications, {Review.objects.count()} reviews"
    )


def tell_story(call, organisation, story, reviewers, coordinator, rng) -> None:
    owner = (
        Membership.objects.filter(organisation=organisation, role=Membership.Role.OWNER)
        .select_related("user")
        .first()
    )
    applicant = owner.user if owner else coordinator
    application = Application.objects.create(
        call=call,
        organisation=organisation,
        created_by=applicant,
        answers=answers_for(organisation.specific, rng),
    )
    for status in story:
        by = applicant if status in {S.SUBMITTED, S.WITHDRAWN} else coordinator
        note = ""
        if status == S.INELIGIBLE:
            note = "Chưa đáp ứng điều kiện về thời gian hoạt động."
        if status == S.INFO_REQUESTED:
            InformationRequest.objects.create(
                application=application,
                message="Vui lòng bổ sung kế hoạch kinh doanh chi tiết.",
                question_keys=["plan", "business-plan"],
                resume_status=application.status,
                requested_by=coordinator,
            )
        if status == S.IN_REVIEW:
            review_application(application, reviewers, coordinator, rng, submit=len(story) > 2)
        if status in {S.ACCEPTED, S.REJECTED}:
            accepted = status == S.ACCEPTED
            Decision.objects.create(
                application=application,
                outcome=Decision.Outcome.ACCEPTED if accepted else Decision.Outcome.REJECTED,
                award_amount=(call.max_award // 2) if accepted else None,
                rationale=(
                    "Sản phẩm có tiềm năng thị trường rõ ràng, đội ngũ đủ năng lực."
                    if accepted
                    else "Chưa chứng minh được nhu cầu thị trường."
                ),
                decided_by=coordinator,
            )
        application_transition(application=application, to=status, by=by, note=note)


def review_application(application, reviewers, coordinator, rng, *, submit) -> None:
    criteria = list(application.call.criteria.all())
    for reviewer in rng.sample(reviewers, 2):
        review = Review.objects.create(
            application=application,
            reviewer=reviewer,
            assigned_by=coordinator,
            declared_at=timezone.now() if submit else None,
            status=Review.Status.SUBMITTED if submit else Review.Status.ASSIGNED,
            submitted_at=timezone.now() if submit else None,
            comment_for_applicant="Cần làm rõ kênh phân phối và giá thành." if submit else "",
            comment_for_council="Đội ngũ mạnh, thị trường còn nhỏ." if submit else "",
        )
        if submit:
            Score.objects.bulk_create(
                Score(review=review, criterion=criterion, value=rng.randint(4, 9))
                for criterion in criteria
            )


def seed_generated(*, reviewers, today, rng) -> None:
    """Tier S: 20 programmes and 5,000 applications; the call "ranking-bench"
    has 500 applications with 1,500 submitted reviews."""
    if Application.objects.count() >= 5000:
        return
    sectors = list(Sector.objects.filter(parent__isnull=False))
    startup_ids = list(Startup.objects.public().order_by("pk").values_list("pk", flat=True)[:5000])
    calls = []
    for number in range(1, 17):
        programme, _ = Programme.objects.get_or_create(
            slug=f"bench-programme-{number}",
            defaults={
                "name": f"Chương trình hỗ trợ {rng.choice(sectors).name.lower()} {number}",
                "name_en": f"Support programme {number}",
                "kind": rng.choice(Programme.Kind.values),
                "total_budget": 1_000_000_000 * number,
            },
        )
        calls.append(
            make_call(
                programme, "bench", f"Đợt kêu gọi {number}", f"Call {number}",
                -60, -5 + number, ("startup",), 100_000_000, today,
            )
        )  # fmt: skip
    ranking_call = calls[0]  # slug bench-programme-1-bench: the bench's ranking target
    per_call = {ranking_call.pk: 500}
    share, extra = divmod(5000 - Application.objects.count() - 500, len(calls) - 1)
    for index, call in enumerate(calls[1:]):
        per_call[call.pk] = share + (1 if index < extra else 0)

    taken = set(Application.objects.values_list("call_id", "organisation_id"))
    statuses = [S.SUBMITTED, S.SCREENING, S.IN_REVIEW, S.SHORTLISTED, S.DRAFT]
    rows = []
    cursor = 0
    for call_pk, count in per_call.items():
        for _ in range(count):
            organisation_id = startup_ids[cursor % len(startup_ids)]
            cursor += 1
            if (call_pk, organisation_id) in taken:
                continue
            rows.append(
                Application(
                    call_id=call_pk,
                    organisation_id=organisation_id,
                    status=S.IN_REVIEW if call_pk == ranking_call.pk else rng.choice(statuses),
                    submitted_at=today - timedelta(days=10),
                    answers={"product-name": "Sản phẩm", "plan": "Kế hoạch", "market": "tinh"},
                )
            )
    created = Application.objects.bulk_create(rows, batch_size=1000)
    ApplicationTransition.objects.bulk_create(
        [
            ApplicationTransition(
                application=application, from_status=S.DRAFT, to_status=S.SUBMITTED
            )
            for application in created
            if application.status != S.DRAFT
        ],
        batch_size=1000,
    )

    ranked = [a for a in created if a.call_id == ranking_call.pk]
    criteria = list(ranking_call.criteria.all())
    reviews = Review.objects.bulk_create(
        [
            Review(
                application=application,
                reviewer=reviewer,
                status=Review.Status.SUBMITTED,
                declared_at=today,
                submitted_at=today,
            )
            for application in ranked
            for reviewer in rng.sample(reviewers, 3)
        ],
        batch_size=1000,
    )
    Score.objects.bulk_create(
        [
            Score(review=review, criterion=criterion, value=rng.randint(2, 10))
            for review in reviews
            for criterion in criteria
        ],
        batch_size=2000,
    )
