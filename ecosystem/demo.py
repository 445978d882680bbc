"""Demo registry for the province: startups, research groups with technology
offers, partners, memberships and a CRM log. Tier demo is hand-written and
small; tier S (DESIGN.md §6) adds thousands of generated organisations with
bulk inserts.
"""

import io
import random
from datetime import timedelta

from django.core.files.images import ImageFile
from django.db import connection, transaction
from django.utils import timezone
from django.utils.text import slugify
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.images import get_image_model

from accounts.demo import ascii_slug
from accounts.models import User

from . import demo_programmes, search
from .models import (
    Area,
    ExpertiseTag,
    Interaction,
    Membership,
    Organisation,
    Partner,
    PartnerService,
    ResearchGroup,
    Sector,
    Stage,
    Startup,
    TechnologyOffer,
)
from .services.logos import logos_collection

# name, sector slug, area slug, stage slug, founded, seeks investment, tagline
STARTUPS = [
    ("Tôm Sạch Hà Tiên", "thuy-san", "ha-tien", "doanh-thu-ban-dau", 2021, True,
     "Nuôi tôm tuần hoàn tiết kiệm nước, không kháng sinh"),
    ("Tiêu Đỏ Phú Quốc", "ho-tieu-gia-vi", "phu-quoc", "tang-truong", 2019, False,
     "Hồ tiêu hữu cơ đạt chuẩn xuất khẩu châu Âu"),
    ("Mắm Ruốc Rạch Giá", "dac-san-dia-phuong", "rach-gia", "tang-truong", 2018, False,
     "Đặc sản mắm ruốc đóng hũ theo công thức truyền thống"),
    ("Lúa Thông Minh", "lua-gao", "giong-rieng", "san-pham-mau", 2023, True,
     "Cảm biến mực nước ruộng giúp tưới ngập khô xen kẽ"),
    ("Nắng Biển Solar", "dien-mat-troi", "rach-gia", "doanh-thu-ban-dau", 2020, True,
     "Điện mặt trời mái nhà cho hộ nuôi trồng thủy sản"),
    ("Gió Kiên Hải", "dien-gio", "kien-hai", "y-tuong", 2024, True,
     "Tua-bin gió nhỏ cho đảo xa lưới điện"),
    ("Chợ Phiên Số", "thuong-mai-dien-tu", "long-xuyen", "tang-truong", 2020, True,
     "Sàn thương mại điện tử cho nông sản vùng Tứ giác Long Xuyên"),
    ("Nhà Vườn Phú Quốc", "du-lich-sinh-thai", "phu-quoc", "doanh-thu-ban-dau", 2021, False,
     "Du lịch trải nghiệm vườn tiêu và làng chài"),
    ("Mekong Trace", "chuyen-doi-so", "rach-gia", "tang-truong", 2019, True,
     "Truy xuất nguồn gốc thủy sản bằng mã QR"),
    ("Rong Biển Xanh", "thuy-san", "kien-luong", "san-pham-mau", 2022, True,
     "Nuôi và chế biến rong nho, rong sụn ven biển"),
    ("Cá Khô Hòn Sơn", "che-bien-thuy-san", "kien-hai", "doanh-thu-ban-dau", 2020, False,
     "Cá khô một nắng sấy bằng năng lượng mặt trời"),
    ("Sò Huyết An Biên", "thuy-san", "an-bien", "doanh-thu-ban-dau", 2019, False,
     "Giống sò huyết chất lượng cao cho vùng rừng ngập mặn"),
    ("Gạo Hữu Cơ Hòn Đất", "lua-gao", "hon-dat", "tang-truong", 2017, True,
     "Gạo tôm - lúa hữu cơ, có chứng nhận"),
    ("Khóm Tắc Cậu", "nong-nghiep-cong-nghe-cao", "chau-thanh", "doanh-thu-ban-dau", 2021, False,
     "Khóm sấy dẻo và nước ép khóm đóng chai"),
    ("Dược Liệu Bảy Núi", "duoc-lieu", "chau-doc", "san-pham-mau", 2022, True,
     "Trà thảo dược từ vùng Bảy Núi"),
    ("Homestay Biển Hà Tiên", "dich-vu-luu-tru", "ha-tien", "doanh-thu-ban-dau", 2018, False,
     "Nhà nghỉ cộng đồng gắn với du lịch làng nghề"),
    ("EduMekong", "cong-nghe-giao-duc", "long-xuyen", "tang-truong", 2019, True,
     "Học lập trình cho học sinh nông thôn qua điện thoại"),
    ("Thu Gom Xanh", "xu-ly-chat-thai", "rach-gia", "san-pham-mau", 2023, True,
     "Ứng dụng đặt lịch thu gom phế liệu tái chế"),
    ("Vỏ Sò Tuần Hoàn", "kinh-te-tuan-hoan", "kien-luong", "y-tuong", 2024, True,
     "Vật liệu xây dựng từ vỏ sò, vỏ nghêu"),
    ("Logistics Đảo Ngọc", "logistics", "phu-quoc", "tang-truong", 2020, True,
     "Giao hàng lạnh từ đất liền ra đảo trong ngày"),
    ("AI Nông Dân", "tri-tue-nhan-tao", "tan-hiep", "san-pham-mau", 2023, True,
     "Nhận diện sâu bệnh lúa qua ảnh chụp điện thoại"),
    ("Nước Mắm Cá Cơm Phú Quốc", "dac-san-dia-phuong", "phu-quoc", "mo-rong", 2015, False,
     "Nước mắm truyền thống thùng gỗ, xuất khẩu Nhật Bản"),
    ("Yến Sào Kiên Lương", "dac-san-dia-phuong", "kien-luong", "tang-truong", 2018, False,
     "Nhà yến công nghệ cao và sản phẩm yến chưng"),
    ("Cua Giống Minh Hải", "thuy-san", "an-bien", "doanh-thu-ban-dau", 2021, False,
     "Ương cua giống sạch bệnh"),
    ("Heo Sinh Học Giồng Riềng", "chan-nuoi", "giong-rieng", "doanh-thu-ban-dau", 2020, False,
     "Chăn nuôi heo trên đệm lót sinh học"),
    ("Thiết Bị Y Tế Mekong", "thiet-bi-y-te", "long-xuyen", "san-pham-mau", 2022, True,
     "Máy đo SpO2 giá rẻ cho trạm y tế xã"),
    ("Kayak Rừng Tràm", "du-lich-sinh-thai", "chau-doc", "doanh-thu-ban-dau", 2021, False,
     "Tour chèo thuyền trong rừng tràm"),
    ("Cảng Cá Số", "chuyen-doi-so", "rach-gia", "san-pham-mau", 2023, True,
     "Nhật ký khai thác điện tử cho tàu cá"),
    ("Nấm Rơm Tân Hiệp", "nong-nghiep-cong-nghe-cao", "tan-hiep", "doanh-thu-ban-dau", 2019, False,
     "Trồng nấm rơm trong nhà từ rơm rạ sau thu hoạch"),
    ("Bánh Phồng Tôm Ba Hòn", "che-bien-thuy-san", "kien-luong", "tang-truong", 2016, False,
     "Bánh phồng tôm không chất bảo quản"),
    ("Ong Mật Rừng U Minh", "dac-san-dia-phuong", "an-bien", "doanh-thu-ban-dau", 2020, False,
     "Mật ong rừng tràm có truy xuất nguồn gốc"),
    ("Lưới Điện Vi Mô", "dien-mat-troi", "kien-hai", "y-tuong", 2024, True,
     "Pin lưu trữ và lưới điện vi mô cho xã đảo"),
    ("Tour Ảo Hà Tiên", "du-lich-sinh-thai", "ha-tien", "san-pham-mau", 2022, True,
     "Thuyết minh du lịch tự động đa ngôn ngữ"),
    ("Nhà Màng Thông Minh", "nong-nghiep-cong-nghe-cao", "chau-thanh", "san-pham-mau", 2023, True,
     "Điều khiển tưới và che nắng nhà màng qua IoT"),
    ("Sổ Tay Hợp Tác Xã", "chuyen-doi-so", "giong-rieng", "doanh-thu-ban-dau", 2021, False,
     "Phần mềm kế toán đơn giản cho hợp tác xã"),
    ("Bao Bì Lá Chuối", "kinh-te-tuan-hoan", "long-xuyen", "san-pham-mau", 2022, True,
     "Bao bì phân hủy sinh học thay túi ni-lông"),
    ("Nước Sạch Vùng Mặn", "xu-ly-chat-thai", "an-bien", "san-pham-mau", 2023, True,
     "Máy lọc nước nhiễm mặn dùng năng lượng mặt trời"),
    ("Cá Lóc Đồng Hòn Đất", "thuy-san", "hon-dat", "doanh-thu-ban-dau", 2019, False,
     "Nuôi cá lóc trong ruộng lúa"),
    ("Vé Tàu Đảo", "thuong-mai-dien-tu", "rach-gia", "tang-truong", 2018, True,
     "Đặt vé tàu cao tốc ra Phú Quốc, Nam Du"),
    ("Khởi Nghiệp Tiếng Anh Du Lịch", "cong-nghe-giao-duc", "phu-quoc", "doanh-thu-ban-dau", 2020,
     False, "Tiếng Anh giao tiếp cho người làm du lịch"),
]  # fmt: skip

# name, partner type, area, services, tagline
PARTNERS = [
    ("Trường Đại học Kiên Giang", "university", "chau-thanh", [],
     "Đào tạo và nghiên cứu thủy sản, nông nghiệp"),
    ("Trường Đại học An Giang", "university", "long-xuyen", [],
     "Đại học thuộc Đại học Quốc gia TP.HCM"),
    ("Viện Nghiên cứu Nuôi trồng Thủy sản II, Phân viện Kiên Giang", "university", "rach-gia",
     [], "Nghiên cứu giống và bệnh thủy sản"),
    ("Vườn ươm Doanh nghiệp Khởi nghiệp tỉnh", "incubator", "rach-gia", [],
     "Ươm tạo doanh nghiệp khởi nghiệp đổi mới sáng tạo"),
    ("Trung tâm Ứng dụng Tiến bộ KH&CN", "public_agency", "rach-gia",
     ["tieu-chuan-do-luong", "chuyen-giao-cong-nghe"],
     "Thử nghiệm, đo lường, chuyển giao công nghệ"),
    ("Quỹ Phát triển Khoa học và Công nghệ tỉnh", "fund", "rach-gia", ["tai-chinh"],
     "Tài trợ, cho vay ưu đãi nhiệm vụ KH&CN"),
    ("Công ty Luật Sở hữu Trí tuệ Mekong", "service_provider", "long-xuyen",
     ["so-huu-tri-tue", "phap-ly"], "Đăng ký nhãn hiệu, sáng chế, kiểu dáng"),
    ("Trung tâm Truy xuất Nguồn gốc Nông sản", "service_provider", "long-xuyen",
     ["truy-xuat-nguon-goc"], "Mã QR, tem truy xuất cho nông sản, thủy sản"),
    ("Trung tâm Kỹ thuật Tiêu chuẩn Đo lường Chất lượng", "public_agency", "rach-gia",
     ["tieu-chuan-do-luong"], "Kiểm định, hiệu chuẩn, chứng nhận hợp chuẩn"),
    ("Ngân hàng Phát triển Đồng bằng", "enterprise", "rach-gia", ["tai-chinh"],
     "Tín dụng cho doanh nghiệp nhỏ và vừa"),
    ("Hiệp hội Doanh nghiệp tỉnh", "enterprise", "rach-gia", [],
     "Kết nối doanh nghiệp và khởi nghiệp"),
    ("Công ty Tư vấn Chuyển giao Công nghệ Sông Hậu", "service_provider", "chau-doc",
     ["chuyen-giao-cong-nghe", "tai-chinh"], "Định giá và môi giới công nghệ"),
    ("Không gian Sáng tạo Phú Quốc", "incubator", "phu-quoc", [],
     "Không gian làm việc chung và cố vấn khởi nghiệp"),
    ("Quỹ Đầu tư Khởi nghiệp Cửu Long", "fund", "long-xuyen", ["tai-chinh"],
     "Đầu tư giai đoạn hạt giống cho startup nông nghiệp"),
    ("Sở Khoa học và Công nghệ", "public_agency", "rach-gia",
     ["so-huu-tri-tue", "tieu-chuan-do-luong"], "Quản lý nhà nước về khoa học và công nghệ"),
]  # fmt: skip

# name, host (partner index), sector, lead, research fields, offers
RESEARCH_GROUPS = [
    ("Nhóm Công nghệ Sinh học Thủy sản", 0, "thuy-san", "PGS.TS. Lê Văn Hòa",
     ["cong-nghe-sinh-hoc", "xu-ly-nuoc"]),
    ("Nhóm Nông nghiệp Chính xác", 1, "lua-gao", "TS. Nguyễn Thị Hạnh",
     ["iot", "phan-tich-du-lieu"]),
    ("Nhóm Năng lượng Tái tạo Ven biển", 0, "dien-mat-troi", "TS. Trần Quốc Dũng",
     ["nang-luong-mat-troi", "tu-dong-hoa"]),
    ("Nhóm Công nghệ Sau thu hoạch", 1, "che-bien-thuy-san", "ThS. Phạm Minh Trí",
     ["cong-nghe-sau-thu-hoach"]),
    ("Nhóm Giống Thủy sản", 2, "thuy-san", "TS. Võ Ngọc Lan", ["cong-nghe-sinh-hoc"]),
    ("Nhóm Vật liệu Xanh", 0, "kinh-te-tuan-hoan", "TS. Đặng Thanh Long",
     ["cong-nghe-vat-lieu"]),
    ("Nhóm Trí tuệ Nhân tạo cho Nông nghiệp", 1, "tri-tue-nhan-tao", "TS. Huỳnh Gia Bảo",
     ["tri-tue-nhan-tao", "phan-tich-du-lieu"]),
    ("Nhóm Dược liệu Bảy Núi", 1, "duoc-lieu", "PGS.TS. Lý Kim Phương", ["cong-nghe-sinh-hoc"]),
    ("Nhóm Xử lý Nước Vùng Mặn", 2, "xu-ly-chat-thai", "TS. Bùi Hữu Phúc", ["xu-ly-nuoc"]),
    ("Nhóm Du lịch Thông minh", 0, "du-lich-sinh-thai", "ThS. Hồ Thu Trang",
     ["phan-tich-du-lieu", "marketing-so"]),
]  # fmt: skip

OFFERS = [
    ("Chế phẩm vi sinh xử lý đáy ao nuôi tôm", 7, "granted"),
    ("Hệ thống cảm biến mực nước ruộng lúa", 6, "filed"),
    ("Máy sấy năng lượng mặt trời cho hải sản", 8, "granted"),
    ("Quy trình bảo quản cá tươi bằng đá sệt", 7, "none"),
    ("Giống tôm thẻ chân trắng kháng bệnh", 5, "filed"),
    ("Gạch không nung từ vỏ sò", 4, "filed"),
    ("Ứng dụng nhận diện sâu bệnh lúa", 6, "none"),
    ("Quy trình chiết xuất cao dược liệu", 5, "filed"),
    ("Bộ lọc nước nhiễm mặn quy mô hộ gia đình", 7, "granted"),
    ("Bản đồ số điểm du lịch cộng đồng", 8, "none"),
    ("Thức ăn thủy sản từ phụ phẩm cá tra", 6, "filed"),
    ("Trạm quan trắc môi trường nước tự động", 7, "none"),
]

SIZES = {
    "demo": {"startups": len(STARTUPS), "research_groups": 10, "partners": 15},
    "S": {"startups": 10_000, "research_groups": 1_000, "partners": 500},
}
LOGO_COLOURS = ["#0b5a7a", "#1d6b36", "#a4161a", "#7a4d00", "#4a3a8c", "#00695c", "#ad1457"]


def describe(tagline: str, sector: Sector, area: Area) -> str:
    return (
        f"{tagline}. Đội ngũ hoạt động tại {area.name}, trong lĩnh vực "
        f"{sector.name.lower()}. Chúng tôi tìm kiếm đối tác, cố vấn và khách hàng "
        f"để mở rộng thị trường trong và ngoài tỉnh."
    )


def demo_logo(name: str, colour: str, collection):
    """A square logo with the organisation's initials, drawn with Pillow."""
    Image = get_image_model()
    title = f"Logo {name}"
    existing = Image.objects.filter(title=title).first()
    if existing:
        return existing
    initials = "".join(word[0] for word in ascii_slug(name, " ").upper().split()[:2])
    picture = PILImage.new("RGB", (256, 256), colour)
    draw = ImageDraw.Draw(picture)
    draw.text((128, 128), initials, fill="white", anchor="mm", font_size=110)
    buffer = io.BytesIO()
    picture.save(buffer, "PNG")
    buffer.seek(0)
    image = Image(
        title=title,
        collection=collection,
        file=ImageFile(buffer, name=f"{ascii_slug(name, '-')}.png"),
    )
    image.save()
    return image


def seed(*, tier: str, log) -> None:
    sectors = {sector.slug: sector for sector in Sector.objects.all()}
    areas = {area.slug: area for area in Area.objects.all()}
    stages = {stage.slug: stage for stage in Stage.objects.all()}
    services = {service.slug: service for service in PartnerService.objects.all()}
    expertise = {tag.slug: tag for tag in ExpertiseTag.objects.all()}
    # The generated members (name.number@example.com), not the role accounts.
    people = list(User.objects.filter(email__regex=r"\.[0-9]+@example\.com$").order_by("pk"))
    collection = logos_collection()
    verified_at = timezone.now() - timedelta(days=30)

    partners = []
    for index, (name, partner_type, area, service_slugs, tagline) in enumerate(PARTNERS):
        partner, created = Partner.objects.get_or_create(
            slug=slugify(ascii_slug(name, " "))[:200],
            defaults={
                "name": name,
                "partner_type": partner_type,
                "area": areas[area],
                "tagline": tagline,
                "description": f"{tagline}. Đối tác của hệ sinh thái khởi nghiệp của tỉnh.",
                "status": Organisation.Status.VERIFIED,
                "verified_at": verified_at,
                "website": f"https://{ascii_slug(name, '')[:20]}.example.org",
            },
        )
        if created:
            partner.services.set([services[slug] for slug in service_slugs])
            partner.logo = demo_logo(name, LOGO_COLOURS[index % 7], collection)
            partner.save(update_fields=["logo"])
        partners.append(partner)

    founder = User.objects.filter(email="founder@example.com").first()
    for index, (name, sector, area, stage, founded, seeks, tagline) in enumerate(STARTUPS):
        startup, created = Startup.objects.get_or_create(
            slug=slugify(ascii_slug(name, " ")),
            defaults={
                "name": name,
                "tagline": tagline,
                "description": describe(tagline, sectors[sector], areas[area]),
                "area": areas[area],
                "stage": stages[stage],
                "founded_year": founded,
                "seeks_investment": seeks,
                "team_size": 3 + index % 12,
                "products": tagline,
                "website": f"https://{ascii_slug(name, '')[:20]}.example.vn",
                "contact_email": f"lienhe@{ascii_slug(name, '')[:20]}.example.vn",
                "contact_phone": f"09{index:02d} 555 {100 + index}",
                "show_contact": index % 3 == 0,
                # Most are public; a few show the other states to coordinators.
                "status": (
                    Organisation.Status.PENDING if index % 13 == 5 else Organisation.Status.VERIFIED
                ),
                "verified_at": verified_at,
            },
        )
        if created:
            startup.sectors.set([sectors[sector]])
            startup.logo = demo_logo(name, LOGO_COLOURS[index % 7], collection)
            startup.save(update_fields=["logo"])
            owner = founder if index == 0 and founder else people[(index * 3) % len(people)]
            Membership.objects.get_or_create(
                user=owner,
                organisation=startup,
                defaults={"role": Membership.Role.OWNER, "title": "Nhà sáng lập"},
            )

    for index, (name, host, sector, lead, fields) in enumerate(RESEARCH_GROUPS):
        group, created = ResearchGroup.objects.get_or_create(
            slug=slugify(ascii_slug(name, " ")),
            defaults={
                "name": name,
                "host_institution": partners[host],
                "lead_researcher": lead,
                "members_count": 4 + index,
                "area": partners[host].area,
                "tagline": f"Nghiên cứu ứng dụng {sectors[sector].name.lower()}",
                "description": f"{name} thuộc {partners[host].name}, "
                f"nghiên cứu và chuyển giao công nghệ cho doanh nghiệp trong tỉnh.",
                "status": Organisation.Status.VERIFIED,
                "verified_at": verified_at,
            },
        )
        if created:
            group.sectors.set([sectors[sector]])
            group.research_fields.set([expertise[slug] for slug in fields])
            for offset in range(2):
                title, trl, ip_status = OFFERS[(index + offset * 5) % len(OFFERS)]
                offer = TechnologyOffer.objects.create(
                    research_group=group,
                    title=title,
                    summary=f"{title}: đã thử nghiệm thực tế tại tỉnh, sẵn sàng chuyển giao.",
                    trl=trl,
                    ip_status=ip_status,
                    licensing_terms="Chuyển giao không độc quyền, hỗ trợ kỹ thuật 12 tháng.",
                )
                offer.expertise.set([expertise[slug] for slug in fields])

    seed_interactions(log)
    if tier == "S":
        seed_generated(tier=tier, sectors=sectors, areas=areas, stages=stages, people=people)
    log(
        f"registry: {Startup.objects.count()} startups, {ResearchGroup.objects.count()} research "
        f"groups, {Partner.objects.count()} partners, {TechnologyOffer.objects.count()} offers"
    )
    demo_programmes.seed(tier=tier, log=log)


def seed_interactions(log) -> None:
    coordinator = User.objects.filter(email="coordinator@example.com").first()
    if coordinator is None or Interaction.objects.filter(coordinator=coordinator).exists():
        return
    today = timezone.localdate()
    kinds = list(Interaction.Kind.values)
    for index, startup in enumerate(Startup.objects.order_by("pk")[:12]):
        Interaction.objects.create(
            organisation=startup,
            kind=kinds[index % len(kinds)],
            happened_on=today - timedelta(days=3 * index + 1),
            summary=f"Trao đổi với {startup.name} về nhu cầu ươm tạo và kết nối thị trường.",
            coordinator=coordinator,
            follow_up_on=today + timedelta(days=index - 3) if index % 2 == 0 else None,
            follow_up_owner=coordinator if index % 2 == 0 else None,
        )


def seed_generated(*, tier, sectors, areas, stages, people) -> None:
    """The benchmark tier: generated organisations in bulk, no logos."""
    sizes = SIZES[tier]
    rng = random.Random(6)
    sector_list = [sector for sector in sectors.values() if sector.parent_id]
    area_list = [area for area in areas.values() if area.parent_id]
    stage_list = list(stages.values())
    stems = [row[0] for row in STARTUPS]
    taglines = [row[6] for row in STARTUPS]

    def generate(kind, count, make_child):
        existing = Organisation.objects.filter(kind=kind, slug__startswith="bench-").count()
        rows = []
        for number in range(existing + 1, count + 1):
            stem = rng.choice(stems)
            tagline = rng.choice(taglines)
            sector, area = rng.choice(sector_list), rng.choice(area_list)
            name = f"{stem} {number}"
            rows.append(
                (
                    Organisation(
                        kind=kind,
                        name=name,
                        slug=f"bench-{kind.replace('_', '-')}-{number}",
                        tagline=tagline,
                        description=describe(tagline, sector, area),
                        area=area,
                        status=(
                            Organisation.Status.VERIFIED
                            if number % 10
                            else Organisation.Status.PENDING
                        ),
                        verified_at=timezone.now(),
                        search_document=search.document(
                            name, tagline, describe(tagline, sector, area)
                        ),
                    ),
                    sector,
                )
            )
        for start in range(0, len(rows), 2000):
            batch = rows[start : start + 2000]
            with transaction.atomic():
                parents = Organisation.objects.bulk_create([row for row, _ in batch])
                children = [make_child(parent) for parent in parents]
                model = type(children[0])
                fields = model._meta.local_concrete_fields
                # bulk_create refuses multi-table children; insert their own rows.
                model.objects._insert(children, fields=fields, using=connection.alias)
                Organisation.sectors.through.objects.bulk_create(
                    [
                        Organisation.sectors.through(organisation_id=parent.pk, sector_id=sector.pk)
                        for parent, (_, sector) in zip(parents, batch, strict=True)
                    ]
                )
                Membership.objects.bulk_create(
                    [
                        Membership(
                            user=people[(parent.pk * 7) % len(people)],
                            organisation_id=parent.pk,
                            role=Membership.Role.OWNER,
                        )
                        for parent in parents
                    ],
                    ignore_conflicts=True,
                )

    hosts = list(Partner.objects.all())

    def partner(parent):
        return Partner(
            organisation_ptr_id=parent.pk,
            partner_type=rng.choice(Partner.PartnerType.values),
        )

    def startup(parent):
        return Startup(
            organisation_ptr_id=parent.pk,
            founded_year=rng.randint(2010, timezone.now().year),
            stage=rng.choice(stage_list),
            team_size=rng.randint(1, 80),
            seeks_investment=rng.random() < 0.4,
        )

    def research_group(parent):
        return ResearchGroup(
            organisation_ptr_id=parent.pk,
            host_institution=rng.choice(hosts),
            lead_researcher="TS. " + parent.name.split()[0],
            members_count=rng.randint(3, 25),
        )

    generate(Organisation.Kind.PARTNER, sizes["partners"], partner)
    generate(Organisation.Kind.STARTUP, sizes["startups"], startup)
    generate(Organisation.Kind.RESEARCH_GROUP, sizes["research_groups"], research_group)

    groups_without_offers = ResearchGroup.objects.filter(
        slug__startswith="bench-", offers__isnull=True
    )
    TechnologyOffer.objects.bulk_create(
        [
            TechnologyOffer(
                research_group=group,
                title=title,
                summary=f"{title}: sẵn sàng chuyển giao.",
                trl=trl,
                ip_status=ip_status,
                search_document=search.document(title, f"{title}: sẵn sàng chuyển giao."),
            )
            for group in groups_without_offers
            for title, trl, ip_status in rng.sample(OFFERS, 2)
        ],
        batch_size=2000,
    )
