"""Starting taxonomies in Vietnamese and English. Coordinators edit them in the
admin afterwards; this only adds what is missing."""

from django.db import migrations

SECTORS = [
    ("nong-nghiep", "Nông nghiệp", "Agriculture", [
        ("thuy-san", "Thủy sản", "Aquaculture and fisheries"),
        ("lua-gao", "Lúa gạo", "Rice"),
        ("ho-tieu-gia-vi", "Hồ tiêu và gia vị", "Pepper and spices"),
        ("chan-nuoi", "Chăn nuôi", "Livestock"),
        ("nong-nghiep-cong-nghe-cao", "Nông nghiệp công nghệ cao", "High-tech agriculture"),
    ]),
    ("che-bien-thuc-pham", "Chế biến thực phẩm", "Food processing", [
        ("che-bien-thuy-san", "Chế biến thủy sản", "Seafood processing"),
        ("dac-san-dia-phuong", "Nước mắm và đặc sản địa phương", "Fish sauce and local specialities"),
    ]),
    ("du-lich", "Du lịch", "Tourism", [
        ("du-lich-sinh-thai", "Du lịch sinh thái", "Eco-tourism"),
        ("dich-vu-luu-tru", "Dịch vụ lưu trú", "Hospitality"),
    ]),
    ("nang-luong-tai-tao", "Năng lượng tái tạo", "Renewable energy", [
        ("dien-mat-troi", "Điện mặt trời", "Solar power"),
        ("dien-gio", "Điện gió", "Wind power"),
    ]),
    ("cong-nghe-so", "Công nghệ số", "Digital technology", [
        ("chuyen-doi-so", "Chuyển đổi số", "Digital transformation"),
        ("thuong-mai-dien-tu", "Thương mại điện tử", "E-commerce"),
        ("tri-tue-nhan-tao", "Trí tuệ nhân tạo", "Artificial intelligence"),
        ("logistics", "Logistics", "Logistics"),
    ]),
    ("moi-truong", "Môi trường", "Environment", [
        ("xu-ly-chat-thai", "Xử lý chất thải", "Waste treatment"),
        ("kinh-te-tuan-hoan", "Kinh tế tuần hoàn", "Circular economy"),
    ]),
    ("y-te-duoc-lieu", "Y tế và dược liệu", "Health and medicinal plants", [
        ("duoc-lieu", "Dược liệu", "Medicinal plants"),
        ("thiet-bi-y-te", "Thiết bị y tế", "Medical devices"),
    ]),
    ("giao-duc", "Giáo dục", "Education", [
        ("cong-nghe-giao-duc", "Công nghệ giáo dục", "Education technology"),
    ]),
]  # fmt: skip

STAGES = [
    ("y-tuong", "Ý tưởng", "Idea"),
    ("san-pham-mau", "Sản phẩm mẫu", "Prototype"),
    ("doanh-thu-ban-dau", "Có doanh thu ban đầu", "Early revenue"),
    ("tang-truong", "Tăng trưởng", "Growth"),
    ("mo-rong", "Mở rộng quy mô", "Scale"),
]

PARTNER_SERVICES = [
    ("so-huu-tri-tue", "Sở hữu trí tuệ", "Intellectual property"),
    ("tieu-chuan-do-luong", "Tiêu chuẩn, đo lường, chất lượng", "Standards, metrology and quality"),
    ("truy-xuat-nguon-goc", "Truy xuất nguồn gốc", "Traceability"),
    ("chuyen-giao-cong-nghe", "Đánh giá và chuyển giao công nghệ", "Technology assessment and transfer"),
    ("phap-ly", "Pháp lý", "Legal"),
    ("tai-chinh", "Tài chính", "Finance"),
]  # fmt: skip

EXPERTISE = [
    ("iot", "Internet vạn vật (IoT)", "Internet of things (IoT)"),
    ("cong-nghe-sinh-hoc", "Công nghệ sinh học", "Biotechnology"),
    ("tri-tue-nhan-tao", "Trí tuệ nhân tạo", "Artificial intelligence"),
    ("tu-dong-hoa", "Tự động hóa", "Automation"),
    ("cong-nghe-vat-lieu", "Công nghệ vật liệu", "Materials technology"),
    ("cong-nghe-sau-thu-hoach", "Công nghệ sau thu hoạch", "Post-harvest technology"),
    ("xu-ly-nuoc", "Xử lý nước", "Water treatment"),
    ("nang-luong-mat-troi", "Năng lượng mặt trời", "Solar energy"),
    ("blockchain", "Blockchain", "Blockchain"),
    ("phan-tich-du-lieu", "Phân tích dữ liệu", "Data analytics"),
    ("marketing-so", "Marketing số", "Digital marketing"),
    ("xuat-khau", "Xuất khẩu", "Export"),
    ("goi-von", "Gọi vốn", "Fundraising"),
    ("quan-tri-doanh-nghiep", "Quản trị doanh nghiệp", "Business management"),
]  # fmt: skip

PROVINCE = ("an-giang", "Tỉnh An Giang", "An Giang Province")
AREAS = [
    ("rach-gia", "ward", "Phường Rạch Giá", "Rach Gia Ward"),
    ("ha-tien", "ward", "Phường Hà Tiên", "Ha Tien Ward"),
    ("long-xuyen", "ward", "Phường Long Xuyên", "Long Xuyen Ward"),
    ("chau-doc", "ward", "Phường Châu Đốc", "Chau Doc Ward"),
    ("phu-quoc", "special_zone", "Đặc khu Phú Quốc", "Phu Quoc Special Zone"),
    ("kien-hai", "special_zone", "Đặc khu Kiên Hải", "Kien Hai Special Zone"),
    ("kien-luong", "commune", "Xã Kiên Lương", "Kien Luong Commune"),
    ("hon-dat", "commune", "Xã Hòn Đất", "Hon Dat Commune"),
    ("giong-rieng", "commune", "Xã Giồng Riềng", "Giong Rieng Commune"),
    ("tan-hiep", "commune", "Xã Tân Hiệp", "Tan Hiep Commune"),
    ("an-bien", "commune", "Xã An Biên", "An Bien Commune"),
    ("chau-thanh", "commune", "Xã Châu Thành", "Chau Thanh Commune"),
]  # fmt: skip


def seed(apps, schema_editor):
    Sector = apps.get_model("ecosystem", "Sector")
    Stage = apps.get_model("ecosystem", "Stage")
    PartnerService = apps.get_model("ecosystem", "PartnerService")
    ExpertiseTag = apps.get_model("ecosystem", "ExpertiseTag")
    Area = apps.get_model("ecosystem", "Area")

    for order, (slug, name, name_en, children) in enumerate(SECTORS):
        parent, _ = Sector.objects.get_or_create(
            slug=slug, defaults={"name": name, "name_en": name_en, "order": order}
        )
        for child_order, (child_slug, child_name, child_name_en) in enumerate(children):
            Sector.objects.get_or_create(
                slug=child_slug,
                defaults={
                    "name": child_name,
                    "name_en": child_name_en,
                    "order": child_order,
                    "parent": parent,
                },
            )
    for model, rows in ((Stage, STAGES), (PartnerService, PARTNER_SERVICES), (ExpertiseTag, EXPERTISE)):
        for order, (slug, name, name_en) in enumerate(rows):
            model.objects.get_or_create(
                slug=slug, defaults={"name": name, "name_en": name_en, "order": order}
            )
    slug, name, name_en = PROVINCE
    province, _ = Area.objects.get_or_create(
        slug=slug, defaults={"name": name, "name_en": name_en, "kind": "province"}
    )
    for order, (slug, kind, name, name_en) in enumerate(AREAS):
        Area.objects.get_or_create(
            slug=slug,
            defaults={
                "name": name,
                "name_en": name_en,
                "kind": kind,
                "parent": province,
                "order": order,
            },
        )


class Migration(migrations.Migration):
    dependencies = [("ecosystem", "0002_search_indexes")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
