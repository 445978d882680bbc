"""Demo people: the admin (in DEBUG), one person per role, and members.

Other apps' demo modules use `vietnamese_name` and `demo_email` for their people.
"""

import os
import random
import unicodedata

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group

from .models import User

FAMILY_NAMES = [
    "Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Hoàng", "Phan", "Vũ", "Võ", "Đặng",
    "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Trương", "Đinh", "Lâm", "Thái",
]  # fmt: skip
MIDDLE_NAMES = [
    "Văn", "Thị", "Minh", "Ngọc", "Thanh", "Hoàng", "Quốc", "Thu", "Hữu", "Gia",
    "Đức", "Kim", "Bảo", "Phương", "Anh",
]  # fmt: skip
GIVEN_NAMES = [
    "An", "Bình", "Châu", "Dũng", "Giang", "Hà", "Hải", "Hạnh", "Hiếu", "Hoa",
    "Hùng", "Khánh", "Lan", "Linh", "Long", "Mai", "Nam", "Nga", "Nhung", "Phong",
    "Phúc", "Quân", "Sơn", "Tâm", "Thảo", "Trang", "Trí", "Tuấn", "Vy", "Yến",
]  # fmt: skip

ROLE_PEOPLE = [
    ("coordinator@example.com", "Trần Thị Thu Hà", "Coordinators"),
    ("editor@example.com", "Lê Minh Khánh", "Editors"),
    ("council@example.com", "Phạm Quốc Hùng", "Council members"),
    ("mentor@example.com", "Võ Ngọc Lan", "Mentors"),
    ("founder@example.com", "Nguyễn Văn An", None),
]
MEMBER_COUNTS = {"demo": 30, "S": 12_000}
ADMIN_EMAIL = "admin@example.com"


def demo_password() -> str:
    return os.environ.get("DEMO_PASSWORD", "innohub-demo-2026")


def vietnamese_name(rng: random.Random) -> str:
    return f"{rng.choice(FAMILY_NAMES)} {rng.choice(MIDDLE_NAMES)} {rng.choice(GIVEN_NAMES)}"


def ascii_slug(text: str, separator: str = ".") -> str:
    """'Nguyễn Văn Đức' -> 'nguyen.van.duc' (đ has no decomposition, so map it)."""
    text = text.replace("đ", "d").replace("Đ", "D")
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return separator.join(plain.lower().split())


def demo_email(name: str, number: int) -> str:
    return f"{ascii_slug(name)}.{number}@example.com"


def _verified(user: User) -> None:
    EmailAddress.objects.update_or_create(
        user=user, email=user.email, defaults={"verified": True, "primary": True}
    )


def seed(*, tier: str, log) -> None:
    # Known passwords only where DEBUG says this is a developer's machine.
    password = demo_password() if settings.DEBUG else None

    if settings.DEBUG:
        admin, created = User.objects.get_or_create(
            email=ADMIN_EMAIL,
            defaults={"full_name": "Quản trị viên", "is_staff": True, "is_superuser": True},
        )
        if created:
            admin.set_password(password)
            admin.save()
        _verified(admin)

    for email, full_name, group_name in ROLE_PEOPLE:
        uses_admin = group_name in {"Coordinators", "Editors"}
        user, created = User.objects.get_or_create(
            email=email, defaults={"full_name": full_name, "is_staff": uses_admin}
        )
        if created:
            user.set_password(password)
            user.save()
        if group_name:
            user.groups.add(Group.objects.get(name=group_name))
        _verified(user)

    rng = random.Random(2026)
    # One hash for everyone: hashing thousands of passwords would take minutes.
    password_hash = make_password(password)
    members = []
    for number in range(1, MEMBER_COUNTS[tier] + 1):
        name = vietnamese_name(rng)
        language = "en" if number % 7 == 0 else "vi"
        members.append(
            User(
                email=demo_email(name, number),
                full_name=name,
                preferred_language=language,
                password=password_hash,
            )
        )
    User.objects.bulk_create(members, batch_size=2000, ignore_conflicts=True)
    users = User.objects.filter(email__endswith="@example.com", emailaddress__isnull=True).only(
        "id", "email"
    )
    EmailAddress.objects.bulk_create(
        [EmailAddress(user=u, email=u.email, verified=True, primary=True) for u in users],
        batch_size=2000,
        ignore_conflicts=True,
    )
    log(f"people: {User.objects.count()} accounts")


def logins() -> list[tuple[str, str]]:
    """The sign-ins to print after seeding (DEBUG only)."""
    if not settings.DEBUG:
        return []
    password = demo_password()
    return [(ADMIN_EMAIL, password)] + [(email, password) for email, _, _ in ROLE_PEOPLE]
