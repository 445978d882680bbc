"""The texts of the website's demo content: news articles, official documents,
the about and contact pages. cms/demo.py turns them into pages.

Each article: `days_ago` (its date), Vietnamese title, summary, author,
categories (slugs of CATEGORIES), tags, the colours and motif of its generated
picture with the picture's description, body `sections` (heading or None,
paragraphs), an optional `quote` (text, who) and `table` (caption, rows, the
first row the header), optional `document` (number of an official document to
link) and `cta` ("calls" or "contact"), and `en` (the same in English) for
the half that is translated.
"""

NEWS_INDEX = {
    "vi": {
        "title": "Tin tức",
        "intro": "<p>Tin hoạt động khoa học, công nghệ và khởi nghiệp đổi mới sáng tạo của "
        "tỉnh: chính sách, kêu gọi hồ sơ, sự kiện và câu chuyện của các nhà sáng lập.</p>",
    },
    "en": {
        "title": "News",
        "intro": "<p>Science, technology and innovation-startup news from the province: "
        "policy, calls for applications, events and founders' stories.</p>",
    },
}

DOCUMENTS_PAGE = {
    "vi": {
        "title": "Văn bản",
        "intro": "<p>Kế hoạch, quyết định, hướng dẫn và thông báo về khoa học, công nghệ và "
        "đổi mới sáng tạo của Trung ương, Ủy ban nhân dân tỉnh và Sở Khoa học và Công nghệ.</p>",
    },
    "en": {
        "title": "Documents",
        "intro": "<p>Plans, decisions, guidelines and notices on science, technology and "
        "innovation from the central government, the Provincial People's Committee and the "
        "Department of Science and Technology.</p>",
    },
}

# slug: (Vietnamese, English)
CATEGORIES = {
    "khoi-nghiep": ("Khởi nghiệp", "Startups"),
    "khoa-hoc-cong-nghe": ("Khoa học và công nghệ", "Science and technology"),
    "chinh-sach": ("Chính sách", "Policy"),
    "su-kien": ("Sự kiện", "Events"),
    "chuyen-giao-cong-nghe": ("Chuyển giao công nghệ", "Technology transfer"),
}

NEWS = [
    {
        "slug": "khoi-nghiep-sang-tao-hanh-trinh-nha-sang-lap-tre-rach-gia",
        "days_ago": 2,
        "title": "Khởi nghiệp sáng tạo: hành trình của những nhà sáng lập trẻ ở Rạch Giá",
        "summary": "Từ một xưởng sơ chế khô cá nhỏ đến nền tảng đặt tour trực tuyến, các nhà "
        "sáng lập trẻ ở Rạch Giá đang biến lợi thế biển đảo của tỉnh thành sản phẩm có hàm "
        "lượng công nghệ.",
        "author": "Lê Minh Khánh",
        "categories": ["khoi-nghiep"],
        "tags": ["khởi nghiệp", "Rạch Giá", "ươm tạo"],
        "colours": ("#0b4f6c", "#20bf55"),
        "motif": "waves",
        "alt": "Minh họa: những con sóng trắng trên nền chuyển màu từ xanh biển sang xanh lá",
        "sections": [
            (
                None,
                [
                    "Ba năm trước, Nguyễn Văn An rời công việc kỹ sư phần mềm ở Thành phố Hồ "
                    "Chí Minh để về quê Rạch Giá. Anh cùng hai người bạn lập nhóm phát triển "
                    "ứng dụng kết nối tàu cá với thương lái, giúp ngư dân biết giá trước khi "
                    "cập cảng.",
                    "Câu chuyện của An không phải cá biệt. Theo Sở Khoa học và Công nghệ, số dự "
                    "án khởi nghiệp đổi mới sáng tạo đăng ký tham gia các chương trình hỗ trợ "
                    "của tỉnh đã tăng gấp đôi trong hai năm gần đây.",
                ],
            ),
            (
                "Từ ý tưởng đến sản phẩm",
                [
                    "Phần lớn các nhóm bắt đầu từ chính nhu cầu của địa phương: truy xuất nguồn "
                    "gốc hải sản, bảo quản sau thu hoạch, du lịch trải nghiệm ở Phú Quốc và Hà "
                    "Tiên. Vườn ươm doanh nghiệp của tỉnh hỗ trợ chỗ làm việc, chuyên gia cố vấn "
                    "và kết nối với nhà đầu tư.",
                    "Nhiều nhóm đã có khách hàng đầu tiên sau khóa ươm tạo sáu tháng; một số "
                    "nhóm nhận được vốn hạt giống từ các quỹ đầu tư trong khu vực.",
                ],
            ),
            (
                "Những khó khăn còn lại",
                [
                    "Thiếu vốn giai đoạn đầu, thiếu nhân lực kỹ thuật và thủ tục sở hữu trí tuệ "
                    "vẫn là những trở ngại lớn nhất. Cổng thông tin khởi nghiệp của tỉnh giúp "
                    "các nhóm tìm đúng chương trình hỗ trợ, đặt lịch với chuyên gia cố vấn và "
                    "theo dõi hồ sơ của mình.",
                ],
            ),
        ],
        "quote": (
            "Chúng tôi không cần bắt đầu ở Hà Nội hay Thành phố Hồ Chí Minh. Nguyên liệu, "
            "khách hàng và bài toán đều ở ngay đây.",
            "Nguyễn Văn An, nhà sáng lập",
        ),
        "cta": "calls",
        "en": {
            "title": "Innovation startups: the journey of young founders in Rach Gia",
            "summary": "From a small dried-fish workshop to an online tour-booking platform, "
            "young founders in Rach Gia are turning the province's sea and islands into "
            "technology products.",
            "alt": "Illustration: white waves on a background fading from sea blue to green",
            "sections": [
                (
                    None,
                    [
                        "Three years ago Nguyen Van An left his software engineering job in Ho "
                        "Chi Minh City and came home to Rach Gia. With two friends he built an "
                        "app that connects fishing boats with traders, so fishermen know the "
                        "price before they reach the port.",
                        "An's story is not unusual. According to the Department of Science and "
                        "Technology, the number of innovation startups applying to the "
                        "province's support programmes has doubled in the last two years.",
                    ],
                ),
                (
                    "From an idea to a product",
                    [
                        "Most teams start from a local need: seafood traceability, "
                        "post-harvest storage, experience tourism in Phu Quoc and Ha Tien. The "
                        "provincial incubator offers desks, mentors and introductions to "
                        "investors.",
                        "Many teams found their first customers after the six-month incubation "
                        "course; some raised seed funding from investors in the region.",
                    ],
                ),
                (
                    "What is still hard",
                    [
                        "Early-stage funding, engineers and intellectual property procedures "
                        "remain the biggest obstacles. The province's startup portal helps "
                        "teams find the right support programme, book mentors and follow their "
                        "applications.",
                    ],
                ),
            ],
            "quote": (
                "We do not need to start in Hanoi or Ho Chi Minh City. The raw materials, the "
                "customers and the problems are all right here.",
                "Nguyen Van An, founder",
            ),
            "cta_text": "See the open calls",
        },
        "cta_text": "Xem các chương trình đang nhận hồ sơ",
    },
    {
        "slug": "khai-mac-khoa-uom-tao-khoi-nghiep-2026",
        "days_ago": 8,
        "title": "Khai mạc khóa ươm tạo doanh nghiệp khởi nghiệp đổi mới sáng tạo năm 2026",
        "summary": "Mười hai dự án được chọn vào khóa ươm tạo sáu tháng, với chuyên gia cố vấn "
        "riêng, không gian làm việc miễn phí và ngày trình diễn trước nhà đầu tư.",
        "author": "Trần Thị Thu Hà",
        "categories": ["khoi-nghiep", "su-kien"],
        "tags": ["ươm tạo", "khởi nghiệp", "cố vấn"],
        "colours": ("#f46036", "#2e294e"),
        "motif": "sun",
        "alt": "Minh họa: mặt trời trắng tỏa tia sáng trên nền chuyển từ cam sang tím sẫm",
        "sections": [
            (
                None,
                [
                    "Sáng nay, tại Vườn ươm Doanh nghiệp Khởi nghiệp tỉnh, Sở Khoa học và Công "
                    "nghệ khai mạc khóa ươm tạo năm 2026. Mười hai dự án được chọn từ 47 hồ sơ, "
                    "thuộc các lĩnh vực thủy sản, nông nghiệp công nghệ cao, du lịch và dịch vụ "
                    "số.",
                ],
            ),
            (
                "Sáu tháng đồng hành",
                [
                    "Mỗi dự án có một chuyên gia cố vấn chính và được đặt lịch làm việc với các "
                    "chuyên gia khác qua cổng thông tin. Chương trình gồm các chuyên đề về mô "
                    "hình kinh doanh, tài chính, sở hữu trí tuệ và gọi vốn.",
                    "Kết thúc khóa, các nhóm trình bày trước nhà đầu tư và các quỹ trong ngày "
                    "trình diễn (Demo Day).",
                ],
            ),
            (
                "Lịch chương trình",
                [
                    "Các chuyên đề chính và thời gian dự kiến như sau; lịch chi tiết được cập "
                    "nhật trên trang sự kiện.",
                ],
            ),
        ],
        "quote": (
            "Điều các nhóm cần nhất không phải là tiền, mà là người đi trước chịu ngồi lại "
            "cùng họ xem xét từng giả định.",
            "Trần Thị Thu Hà, cán bộ điều phối chương trình",
        ),
        "table": (
            "Các chuyên đề của khóa ươm tạo 2026",
            [
                ["Tháng", "Chuyên đề", "Hình thức"],
                ["1", "Khách hàng và mô hình kinh doanh", "Hội thảo"],
                ["2", "Thiết kế sản phẩm tối thiểu", "Làm việc nhóm"],
                ["3", "Tài chính và định giá", "Tư vấn 1:1"],
                ["4", "Sở hữu trí tuệ và tiêu chuẩn", "Tập huấn"],
                ["5", "Gọi vốn", "Thực hành thuyết trình"],
                ["6", "Ngày trình diễn", "Sự kiện"],
            ],
        ),
        "cta": "calls",
        "cta_text": "Xem các chương trình ươm tạo",
        "en": {
            "title": "The 2026 innovation startup incubation course opens",
            "summary": "Twelve projects join the six-month course, each with a lead mentor, "
            "free desk space and a demo day in front of investors.",
            "alt": "Illustration: a white sun with rays on a background fading from orange "
            "to dark purple",
            "sections": [
                (
                    None,
                    [
                        "This morning, at the provincial startup incubator, the Department of "
                        "Science and Technology opened the 2026 incubation course. Twelve "
                        "projects were chosen from 47 applications, in seafood, high-tech "
                        "agriculture, tourism and digital services.",
                    ],
                ),
                (
                    "Six months side by side",
                    [
                        "Each project has a lead mentor and books sessions with other mentors "
                        "through the portal. The course covers business models, finance, "
                        "intellectual property and fundraising.",
                        "At the end, the teams pitch to investors and funds at the Demo Day.",
                    ],
                ),
                (
                    "Programme",
                    [
                        "The main topics and their planned dates are below; the detailed "
                        "schedule is on the events page.",
                    ],
                ),
            ],
            "quote": (
                "What the teams need most is not money but experienced people willing to sit "
                "down with them and question every assumption.",
                "Tran Thi Thu Ha, programme coordinator",
            ),
            "table": (
                "Topics of the 2026 incubation course",
                [
                    ["Month", "Topic", "Format"],
                    ["1", "Customers and business model", "Workshop"],
                    ["2", "Designing a minimum viable product", "Team work"],
                    ["3", "Finance and valuation", "One-to-one mentoring"],
                    ["4", "Intellectual property and standards", "Training"],
                    ["5", "Fundraising", "Pitch practice"],
                    ["6", "Demo Day", "Event"],
                ],
            ),
            "cta_text": "See the incubation programmes",
        },
    },
    {
        "slug": "de-xuat-dat-hang-nhiem-vu-khcn-nam-2027",
        "days_ago": 13,
        "title": "Tỉnh kêu gọi đề xuất đặt hàng nhiệm vụ khoa học và công nghệ năm 2027",
        "summary": "Các sở, ngành, địa phương, viện, trường và doanh nghiệp gửi đề xuất nhiệm "
        "vụ khoa học và công nghệ cấp tỉnh thực hiện từ năm 2027 trước ngày 31 tháng 12.",
        "author": "Phòng Quản lý Khoa học",
        "categories": ["chinh-sach", "khoa-hoc-cong-nghe"],
        "tags": ["nhiệm vụ KH&CN", "đặt hàng"],
        "colours": ("#1d3557", "#a8dadc"),
        "motif": "grid",
        "alt": "Minh họa: lưới điểm nối với nhau trên nền xanh dương nhạt dần",
        "sections": [
            (
                None,
                [
                    "Sở Khoa học và Công nghệ thông báo tiếp nhận đề xuất đặt hàng nhiệm vụ khoa "
                    "học và công nghệ cấp tỉnh năm 2027. Đề xuất cần giải quyết vấn đề cụ thể "
                    "của sản xuất và đời sống, có địa chỉ ứng dụng rõ ràng.",
                ],
            ),
            (
                "Lĩnh vực ưu tiên",
                [
                    "Ưu tiên các đề xuất về nuôi trồng và chế biến thủy sản, lúa gạo chất lượng "
                    "cao, hồ tiêu, du lịch biển đảo, năng lượng tái tạo, thích ứng với biến đổi "
                    "khí hậu và chuyển đổi số.",
                    "Đề xuất có doanh nghiệp cam kết đối ứng kinh phí hoặc nhận chuyển giao kết "
                    "quả được cộng điểm khi xét chọn.",
                ],
            ),
            (
                "Các mốc thời gian",
                [
                    "Hội đồng tư vấn xác định nhiệm vụ sẽ họp trong quý I năm 2027; danh mục "
                    "nhiệm vụ được phê duyệt sẽ đăng trên trang này và trên cổng thông tin.",
                ],
            ),
        ],
        "table": (
            "Các mốc thời gian đặt hàng nhiệm vụ năm 2027",
            [
                ["Công việc", "Thời hạn"],
                ["Gửi phiếu đề xuất", "31/12/2026"],
                ["Hội đồng tư vấn xác định nhiệm vụ", "Quý I/2027"],
                ["Công bố danh mục tuyển chọn, giao trực tiếp", "Quý II/2027"],
                ["Ký hợp đồng thực hiện", "Quý III/2027"],
            ],
        ),
        "document": "215/HD-SKHCN",
        "cta": "calls",
        "cta_text": "Xem kêu gọi hồ sơ",
        "en": {
            "title": "The province calls for proposals of S&T tasks for 2027",
            "summary": "Departments, districts, institutes, universities and enterprises can "
            "propose provincial science and technology tasks starting in 2027 until 31 "
            "December.",
            "alt": "Illustration: a grid of connected dots on a fading blue background",
            "sections": [
                (
                    None,
                    [
                        "The Department of Science and Technology is accepting proposals for "
                        "provincial science and technology tasks for 2027. A proposal must "
                        "address a concrete problem of production or daily life and name who "
                        "will use its results.",
                    ],
                ),
                (
                    "Priority fields",
                    [
                        "Priority goes to aquaculture and seafood processing, high-quality rice, "
                        "pepper, island tourism, renewable energy, climate adaptation and "
                        "digital transformation.",
                        "Proposals with an enterprise co-funding the task or committed to take "
                        "up its results score higher.",
                    ],
                ),
                (
                    "Timeline",
                    [
                        "The advisory council will meet in the first quarter of 2027; the "
                        "approved list of tasks will be published here and on the portal.",
                    ],
                ),
            ],
            "table": (
                "Timeline of the 2027 call for task proposals",
                [
                    ["Step", "Deadline"],
                    ["Send the proposal form", "31/12/2026"],
                    ["Advisory council selects tasks", "Q1 2027"],
                    ["List of tasks published", "Q2 2027"],
                    ["Contracts signed", "Q3 2027"],
                ],
            ),
            "cta_text": "See the calls",
        },
    },
    {
        "slug": "iot-giam-sat-ao-nuoi-tom-hon-dat",
        "days_ago": 17,
        "title": "Ứng dụng IoT giám sát ao nuôi tôm ở vùng ven biển Hòn Đất",
        "summary": "Cảm biến đo oxy hòa tan, độ mặn và nhiệt độ gửi cảnh báo về điện thoại "
        "giúp các hộ nuôi tôm giảm hao hụt và tiết kiệm điện chạy quạt.",
        "author": "Huỳnh Gia Bảo",
        "categories": ["khoa-hoc-cong-nghe", "chuyen-giao-cong-nghe"],
        "tags": ["thủy sản", "IoT", "chuyển đổi số"],
        "colours": ("#006d77", "#83c5be"),
        "motif": "bars",
        "alt": "Minh họa: biểu đồ cột màu trắng trên nền xanh ngọc",
        "sections": [
            (
                None,
                [
                    "Mô hình do một nhóm nghiên cứu của Trường Đại học Kiên Giang phối hợp với "
                    "hợp tác xã nuôi tôm thực hiện trên 20 ao nuôi. Cảm biến đo liên tục các "
                    "chỉ số môi trường và gửi cảnh báo khi oxy hòa tan xuống thấp.",
                ],
            ),
            (
                "Kết quả sau một vụ nuôi",
                [
                    "Tỷ lệ hao hụt giảm rõ rệt, quạt nước chỉ chạy khi cần nên tiền điện giảm "
                    "khoảng một phần tư. Người nuôi xem số liệu và lịch sử ao trên điện thoại.",
                    "Nhóm nghiên cứu đang hoàn thiện thiết bị chịu được môi trường nước mặn để "
                    "chuyển giao cho các hợp tác xã khác.",
                ],
            ),
        ],
    },
    {
        "slug": "ho-tieu-phu-quoc-chi-dan-dia-ly-truy-xuat-nguon-goc",
        "days_ago": 22,
        "title": "Hồ tiêu Phú Quốc: từ bảo hộ chỉ dẫn địa lý đến truy xuất nguồn gốc",
        "summary": "Mã QR trên từng gói tiêu cho biết vườn trồng, ngày thu hoạch và kết quả "
        "kiểm nghiệm, giúp sản phẩm mang chỉ dẫn địa lý giữ uy tín trên thị trường.",
        "author": "Phạm Ngọc Diệp",
        "categories": ["chuyen-giao-cong-nghe"],
        "tags": ["hồ tiêu", "Phú Quốc", "sở hữu trí tuệ", "truy xuất nguồn gốc"],
        "colours": ("#386641", "#f2e8cf"),
        "motif": "hills",
        "alt": "Minh họa: những đồi xanh thẫm nối tiếp nhau dưới bầu trời màu kem",
        "sections": [
            (
                None,
                [
                    "Hồ tiêu Phú Quốc là một trong những sản phẩm đầu tiên của tỉnh được bảo hộ "
                    "chỉ dẫn địa lý. Để người mua phân biệt được hàng thật, các cơ sở sản xuất "
                    "đã in mã truy xuất nguồn gốc lên bao bì.",
                ],
            ),
            (
                "Một mã, cả câu chuyện của hạt tiêu",
                [
                    "Quét mã, người mua thấy tên vườn, ngày thu hoạch, cách phơi sấy và phiếu "
                    "kết quả kiểm nghiệm. Dữ liệu do các cơ sở cập nhật và được Sở Khoa học và "
                    "Công nghệ kiểm tra định kỳ.",
                ],
            ),
            (
                "Mở rộng cho sản phẩm khác",
                [
                    "Sau hồ tiêu, nước mắm Phú Quốc và một số sản phẩm OCOP của tỉnh cũng đang "
                    "được hỗ trợ xây dựng hệ thống truy xuất nguồn gốc tương tự.",
                ],
            ),
        ],
        "quote": (
            "Khách mua tiêu ở chợ đêm giờ cầm gói tiêu lên quét mã trước khi trả tiền.",
            "Chủ một cơ sở sản xuất tiêu ở Phú Quốc",
        ),
        "en": {
            "title": "Phu Quoc pepper: from a geographical indication to traceability",
            "summary": "A QR code on every bag of pepper shows the farm, the harvest date and "
            "the lab results, so the geographical indication keeps its good name.",
            "alt": "Illustration: rolling dark green hills under a cream sky",
            "sections": [
                (
                    None,
                    [
                        "Phu Quoc pepper was one of the province's first products protected by "
                        "a geographical indication. To help buyers tell genuine pepper from "
                        "imitations, producers now print a traceability code on the bag.",
                    ],
                ),
                (
                    "One code, the whole story of the peppercorn",
                    [
                        "Scanning it shows the farm, the harvest date, how the pepper was dried "
                        "and the lab report. Producers enter the data and the Department of "
                        "Science and Technology checks it regularly.",
                    ],
                ),
                (
                    "Other products next",
                    [
                        "After pepper, Phu Quoc fish sauce and several of the province's OCOP "
                        "products are getting similar traceability systems.",
                    ],
                ),
            ],
            "quote": (
                "Customers at the night market now scan the bag before they pay.",
                "Owner of a pepper farm in Phu Quoc",
            ),
        },
    },
    {
        "slug": "hoi-dong-tu-van-danh-gia-de-xuat-nhiem-vu",
        "days_ago": 27,
        "title": "Hội đồng tư vấn đánh giá 12 đề xuất nhiệm vụ khoa học và công nghệ cấp tỉnh",
        "summary": "Bảy đề xuất được kiến nghị đưa vào danh mục tuyển chọn, ba đề xuất cần "
        "chỉnh sửa mục tiêu và hai đề xuất chưa đủ điều kiện.",
        "author": "Phòng Quản lý Khoa học",
        "categories": ["khoa-hoc-cong-nghe", "chinh-sach"],
        "tags": ["nhiệm vụ KH&CN", "hội đồng tư vấn"],
        "colours": ("#6a4c93", "#ffca3a"),
        "motif": "grid",
        "alt": "Minh họa: lưới điểm trắng trên nền chuyển từ tím sang vàng",
        "sections": [
            (
                None,
                [
                    "Hội đồng tư vấn xác định nhiệm vụ khoa học và công nghệ cấp tỉnh đã họp "
                    "đánh giá 12 đề xuất gửi về trong đợt đặt hàng. Các thành viên chấm điểm "
                    "theo tính cấp thiết, tính mới, khả năng ứng dụng và địa chỉ tiếp nhận.",
                ],
            ),
            (
                "Kết quả đánh giá",
                [
                    "Các đề xuất về thủy sản và nông nghiệp chiếm hơn một nửa. Hội đồng đề nghị "
                    "các đơn vị làm rõ sản phẩm cuối cùng và phương án chuyển giao ngay từ khi "
                    "đề xuất.",
                ],
            ),
        ],
        "table": (
            "Kết quả đánh giá theo lĩnh vực",
            [
                ["Lĩnh vực", "Số đề xuất", "Kiến nghị tuyển chọn"],
                ["Thủy sản", "4", "3"],
                ["Nông nghiệp", "3", "2"],
                ["Năng lượng, môi trường", "2", "1"],
                ["Y dược", "1", "0"],
                ["Khoa học xã hội", "2", "1"],
            ],
        ),
    },
    {
        "slug": "vong-goi-von-khoi-nghiep-bien-tay",
        "days_ago": 31,
        "title": "Vòng gọi vốn Khởi nghiệp Biển Tây: 8 dự án vào chung kết",
        "summary": "Tám dự án về thủy sản, du lịch và năng lượng tái tạo sẽ thuyết trình "
        "trước hội đồng nhà đầu tư tại Không gian Sáng tạo Phú Quốc.",
        "author": "Lê Minh Khánh",
        "categories": ["khoi-nghiep", "su-kien"],
        "tags": ["gọi vốn", "Phú Quốc", "khởi nghiệp"],
        "colours": ("#ef476f", "#118ab2"),
        "motif": "circles",
        "alt": "Minh họa: các vòng tròn hồng và trắng trên nền chuyển từ hồng sang xanh dương",
        "sections": [
            (
                None,
                [
                    "Sau vòng sơ loại với 35 hồ sơ, ban tổ chức chọn 8 dự án vào chung kết. "
                    "Mỗi dự án có 7 phút thuyết trình và 8 phút trả lời câu hỏi của nhà đầu tư.",
                ],
            ),
            (
                "Các dự án chung kết",
                [
                    "Các dự án gồm hệ thống nuôi cá lồng thông minh, nền tảng đặt tour cộng "
                    "đồng, điện mặt trời cho cơ sở chế biến, bao bì sinh học từ vỏ trấu và ứng "
                    "dụng dự báo xâm nhập mặn.",
                    "Các nhóm chung kết đã được chuyên gia cố vấn hỗ trợ hoàn thiện hồ sơ gọi "
                    "vốn trong ba tuần.",
                ],
            ),
        ],
        "quote": (
            "Chất lượng hồ sơ năm nay cao hơn hẳn: các nhóm đã có khách hàng, có số liệu.",
            "Trần Minh Quân, nhà đầu tư, thành viên hội đồng",
        ),
        "en": {
            "title": "West Sea startup pitching round: 8 projects in the final",
            "summary": "Eight seafood, tourism and renewable-energy projects will pitch to a "
            "panel of investors at the Phu Quoc Creative Space.",
            "alt": "Illustration: pink and white circles on a background fading from pink to blue",
            "sections": [
                (
                    None,
                    [
                        "After a first round of 35 applications, the organisers chose 8 "
                        "projects for the final. Each has 7 minutes to pitch and 8 minutes for "
                        "the investors' questions.",
                    ],
                ),
                (
                    "The finalists",
                    [
                        "They include smart fish cages, a community tour-booking platform, "
                        "solar power for a processing plant, bio-packaging from rice husks and "
                        "an app forecasting salt intrusion.",
                        "Mentors helped the finalists polish their pitch decks over three weeks.",
                    ],
                ),
            ],
            "quote": (
                "This year's applications are much stronger: the teams have customers and numbers.",
                "Tran Minh Quan, investor and panel member",
            ),
        },
    },
    {
        "slug": "dien-mat-troi-ap-mai-co-so-che-bien-hai-san",
        "days_ago": 36,
        "title": "Điện mặt trời áp mái cho cơ sở chế biến hải sản tiết kiệm 30% chi phí điện",
        "summary": "Mô hình trình diễn tại một cơ sở chế biến ở Hà Tiên cho thấy điện mặt "
        "trời kết hợp kho lạnh thông minh hoàn vốn sau khoảng năm năm.",
        "author": "Võ Thành Nhân",
        "categories": ["khoa-hoc-cong-nghe"],
        "tags": ["năng lượng tái tạo", "thủy sản", "Hà Tiên"],
        "colours": ("#ffb703", "#fb8500"),
        "motif": "sun",
        "alt": "Minh họa: mặt trời trắng trên nền vàng cam",
        "sections": [
            (
                None,
                [
                    "Hệ thống 120 kWp được lắp trên mái nhà xưởng, cung cấp điện cho kho lạnh "
                    "và dây chuyền sơ chế. Phần mềm điều khiển ưu tiên chạy máy nén vào giờ có "
                    "nắng.",
                ],
            ),
            (
                "Chi phí trước và sau",
                [
                    "Số liệu sáu tháng cho thấy tiền điện giảm khoảng 30%. Chủ cơ sở dự kiến "
                    "hoàn vốn sau năm năm, nhanh hơn nếu mở rộng kho lạnh.",
                ],
            ),
        ],
        "table": (
            "Chi phí điện bình quân mỗi tháng (triệu đồng)",
            [
                ["Hạng mục", "Trước", "Sau"],
                ["Kho lạnh", "42", "27"],
                ["Dây chuyền sơ chế", "18", "14"],
                ["Chiếu sáng, văn phòng", "5", "4"],
            ],
        ),
    },
    {
        "slug": "ket-noi-nhom-nghien-cuu-va-doanh-nghiep-che-bien",
        "days_ago": 41,
        "title": "Kết nối nhóm nghiên cứu trường đại học với doanh nghiệp chế biến nông sản",
        "summary": "Buổi gặp gỡ giúp 9 nhóm nghiên cứu giới thiệu công nghệ và 14 doanh nghiệp "
        "nêu đặt hàng; 5 thỏa thuận hợp tác được ký ngay tại chỗ.",
        "author": "Trần Thị Thu Hà",
        "categories": ["chuyen-giao-cong-nghe", "su-kien"],
        "tags": ["nhóm nghiên cứu", "doanh nghiệp", "chuyển giao công nghệ"],
        "colours": ("#3a86ff", "#8338ec"),
        "motif": "grid",
        "alt": "Minh họa: mạng lưới điểm nối trên nền xanh tím",
        "sections": [
            (
                None,
                [
                    "Theo định hướng gắn kết viện, trường với doanh nghiệp trong kế hoạch phát "
                    "triển khoa học và công nghệ của tỉnh, Sở Khoa học và Công nghệ tổ chức "
                    "buổi kết nối cung - cầu công nghệ tại Trường Đại học An Giang.",
                ],
            ),
            (
                "Từ phòng thí nghiệm đến nhà xưởng",
                [
                    "Các nhóm nghiên cứu giới thiệu công nghệ sấy lạnh trái cây, chế phẩm vi "
                    "sinh xử lý nước ao nuôi và quy trình chiết xuất tinh dầu tiêu. Doanh nghiệp "
                    "nêu nhu cầu về bảo quản, giảm hao hụt và đạt tiêu chuẩn xuất khẩu.",
                ],
            ),
        ],
        "quote": (
            "Doanh nghiệp nói thẳng họ cần gì, nhà khoa học biết ngay mình nên nghiên cứu "
            "tiếp phần nào.",
            "Dương Minh Triết, trưởng nhóm nghiên cứu",
        ),
        "en": {
            "title": "University research groups meet food-processing enterprises",
            "summary": "Nine research groups presented their technologies and 14 enterprises "
            "their needs; 5 cooperation agreements were signed on the spot.",
            "alt": "Illustration: a network of connected dots on a blue-violet background",
            "sections": [
                (
                    None,
                    [
                        "Following the province's S&T plan, which asks institutes and "
                        "universities to work closely with enterprises, the Department of "
                        "Science and Technology held a technology supply-and-demand meeting at "
                        "An Giang University.",
                    ],
                ),
                (
                    "From the lab to the factory",
                    [
                        "Research groups showed cold drying of fruit, microbial products for "
                        "pond water and pepper essential-oil extraction. Enterprises explained "
                        "their needs in storage, losses and export standards.",
                    ],
                ),
            ],
            "quote": (
                "When enterprises say plainly what they need, scientists know at once what "
                "to work on next.",
                "Duong Minh Triet, research group leader",
            ),
        },
    },
    {
        "slug": "so-ket-5-nam-ke-hoach-phat-trien-khcn",
        "days_ago": 46,
        "title": "Sơ kết 5 năm thực hiện Kế hoạch phát triển khoa học và công nghệ của tỉnh",
        "summary": "Sau 5 năm thực hiện Kế hoạch số 44/KH-UBND, tỉnh đã hình thành Quỹ phát "
        "triển khoa học và công nghệ, vườn ươm khởi nghiệp và mạng lưới chuyên gia cố vấn.",
        "author": "Ban biên tập",
        "categories": ["chinh-sach"],
        "tags": ["Kế hoạch 44/KH-UBND", "chính sách", "đổi mới sáng tạo"],
        "colours": ("#264653", "#e9c46a"),
        "motif": "bars",
        "alt": "Minh họa: biểu đồ cột tăng dần trên nền xanh đen và vàng",
        "sections": [
            (
                None,
                [
                    "Kế hoạch số 44/KH-UBND ngày 10 tháng 4 năm 2020 của Ủy ban nhân dân tỉnh "
                    "đặt mục tiêu nâng cao năng lực quản lý, đổi mới cơ chế và từng bước hình "
                    "thành hệ thống đổi mới sáng tạo lấy doanh nghiệp làm trung tâm.",
                ],
            ),
            (
                "Những kết quả chính",
                [
                    "Phương thức đặt hàng, tuyển chọn nhiệm vụ được duy trì; Quỹ phát triển "
                    "khoa học và công nghệ của tỉnh đã đi vào hoạt động; hoạt động thông tin, "
                    "thống kê và thị trường công nghệ được đẩy mạnh.",
                    "Hằng năm, trước ngày 25 tháng 10, các sở, ngành báo cáo tình hình thực "
                    "hiện qua Sở Khoa học và Công nghệ.",
                ],
            ),
            (
                "Nhiệm vụ thời gian tới",
                [
                    "Tỉnh tiếp tục hỗ trợ doanh nghiệp đổi mới công nghệ, phát triển tài sản trí "
                    "tuệ cho sản phẩm chủ lực và thu hút nhân lực khoa học và công nghệ trình độ "
                    "cao.",
                ],
            ),
        ],
        "quote": (
            "Khoa học và công nghệ phải trở thành động lực, gắn với từng sản phẩm chủ lực "
            "của tỉnh.",
            "Phát biểu tại hội nghị sơ kết",
        ),
        "table": (
            "Một số chỉ tiêu giai đoạn 2020-2025",
            [
                ["Chỉ tiêu", "2020", "2025"],
                ["Nhiệm vụ KH&CN cấp tỉnh đang thực hiện", "18", "31"],
                ["Doanh nghiệp được hỗ trợ đổi mới công nghệ", "6", "27"],
                ["Dự án khởi nghiệp được ươm tạo", "4", "36"],
                ["Sản phẩm được bảo hộ sở hữu trí tuệ", "22", "58"],
            ],
        ),
        "document": "44/KH-UBND",
        "en": {
            "title": "Five years of the province's science and technology plan",
            "summary": "Five years after Plan 44/KH-UBND, the province has an S&T development "
            "fund, a startup incubator and a network of mentors.",
            "alt": "Illustration: rising bars on a dark blue and yellow background",
            "sections": [
                (
                    None,
                    [
                        "Plan 44/KH-UBND of 10 April 2020 of the Provincial People's Committee "
                        "set out to strengthen S&T management, reform its mechanisms and build "
                        "an innovation system centred on enterprises.",
                    ],
                ),
                (
                    "Main results",
                    [
                        "Tasks are still commissioned and selected competitively; the "
                        "provincial S&T development fund is running; information, statistics "
                        "and the technology market have grown.",
                        "Every year, before 25 October, departments report on the plan "
                        "through the Department of Science and Technology.",
                    ],
                ),
                (
                    "Next steps",
                    [
                        "The province will keep supporting enterprises that renew their "
                        "technology, protecting the intellectual property of its key products "
                        "and attracting highly qualified people.",
                    ],
                ),
            ],
            "quote": (
                "Science and technology must drive growth, tied to each of the province's key "
                "products.",
                "Speech at the review conference",
            ),
            "table": (
                "Selected indicators, 2020-2025",
                [
                    ["Indicator", "2020", "2025"],
                    ["Provincial S&T tasks under way", "18", "31"],
                    ["Enterprises supported to renew technology", "6", "27"],
                    ["Startups incubated", "4", "36"],
                    ["Products with IP protection", "22", "58"],
                ],
            ),
        },
    },
    {
        "slug": "chuyen-doi-so-hop-tac-xa-lua-gao",
        "days_ago": 52,
        "title": "Chuyển đổi số cho hợp tác xã lúa gạo: bắt đầu từ sổ nhật ký điện tử",
        "summary": "Ghi chép canh tác trên điện thoại giúp hợp tác xã đáp ứng yêu cầu truy "
        "xuất của doanh nghiệp thu mua và giảm lượng phân bón dư thừa.",
        "author": "Lâm Bảo Châu",
        "categories": ["khoa-hoc-cong-nghe"],
        "tags": ["chuyển đổi số", "lúa gạo", "hợp tác xã"],
        "colours": ("#55a630", "#eeef20"),
        "motif": "hills",
        "alt": "Minh họa: những đồi xanh lá dưới bầu trời chuyển sang vàng",
        "sections": [
            (
                None,
                [
                    "Hơn 300 xã viên của ba hợp tác xã đã chuyển từ sổ giấy sang ứng dụng ghi "
                    "nhật ký đồng ruộng. Mỗi lần bón phân, phun thuốc đều có ngày giờ và ảnh "
                    "chụp.",
                ],
            ),
            (
                "Lợi ích thấy ngay",
                [
                    "Doanh nghiệp thu mua xem được nhật ký của từng thửa ruộng, nên sẵn sàng ký "
                    "hợp đồng bao tiêu với giá cao hơn. Cán bộ kỹ thuật nhắc lịch bón phân theo "
                    "giai đoạn sinh trưởng, tránh bón thừa.",
                ],
            ),
        ],
    },
    {
        "slug": "cho-cong-nghe-thiet-bi-dong-bang-song-cuu-long",
        "days_ago": 58,
        "title": "Chợ công nghệ và thiết bị Đồng bằng sông Cửu Long thu hút hơn 200 gian hàng",
        "summary": "Hơn 200 gian hàng giới thiệu thiết bị, công nghệ và dịch vụ sở hữu trí "
        "tuệ, tiêu chuẩn chất lượng; 36 hợp đồng và biên bản ghi nhớ được ký kết.",
        "author": "Ban biên tập",
        "categories": ["su-kien", "chuyen-giao-cong-nghe"],
        "tags": ["Techmart", "thị trường công nghệ"],
        "colours": ("#d62828", "#003049"),
        "motif": "circles",
        "alt": "Minh họa: vòng tròn đỏ và trắng trên nền chuyển từ đỏ sang xanh đen",
        "sections": [
            (
                None,
                [
                    "Chợ công nghệ và thiết bị (Techmart) năm nay quy tụ doanh nghiệp, viện, "
                    "trường và tổ chức dịch vụ khoa học và công nghệ của các tỉnh vùng Đồng bằng "
                    "sông Cửu Long.",
                ],
            ),
            (
                "Kết nối cung - cầu",
                [
                    "Khu trưng bày chia theo nhóm: nông nghiệp, thủy sản, năng lượng, môi trường "
                    "và dịch vụ số. Bên cạnh là khu tư vấn sở hữu trí tuệ, tiêu chuẩn, đo lường, "
                    "chất lượng và truy xuất nguồn gốc.",
                ],
            ),
        ],
        "table": (
            "Techmart năm nay qua các con số",
            [
                ["Nội dung", "Số lượng"],
                ["Gian hàng", "214"],
                ["Công nghệ, thiết bị chào bán", "1.150"],
                ["Lượt khách tham quan", "12.000"],
                ["Hợp đồng, biên bản ghi nhớ", "36"],
            ],
        ),
        "en": {
            "title": "Mekong Delta technology and equipment fair draws over 200 stands",
            "summary": "Over 200 stands showed equipment, technology and IP and quality "
            "services; 36 contracts and memoranda were signed.",
            "alt": "Illustration: red and white circles on a background fading from red to "
            "dark blue",
            "sections": [
                (
                    None,
                    [
                        "This year's technology and equipment fair (Techmart) brought together "
                        "enterprises, institutes, universities and S&T service providers from "
                        "across the Mekong Delta.",
                    ],
                ),
                (
                    "Supply meets demand",
                    [
                        "Stands were grouped by field: agriculture, seafood, energy, "
                        "environment and digital services, next to advice desks for "
                        "intellectual property, standards, metrology, quality and "
                        "traceability.",
                    ],
                ),
            ],
            "table": (
                "This year's Techmart in numbers",
                [
                    ["Item", "Number"],
                    ["Stands", "214"],
                    ["Technologies and equipment offered", "1,150"],
                    ["Visitors", "12,000"],
                    ["Contracts and memoranda", "36"],
                ],
            ),
        },
    },
    {
        "slug": "quy-phat-trien-khcn-ho-tro-doi-moi-cong-nghe",
        "days_ago": 63,
        "title": "Quỹ phát triển khoa học và công nghệ tỉnh hỗ trợ 15 dự án đổi mới công nghệ",
        "summary": "Các dự án được vay ưu đãi hoặc hỗ trợ một phần kinh phí để mua thiết bị, "
        "nhận chuyển giao công nghệ và đăng ký bảo hộ sở hữu trí tuệ.",
        "author": "Phòng Quản lý Khoa học",
        "categories": ["chinh-sach"],
        "tags": ["Quỹ phát triển KH&CN", "đổi mới công nghệ"],
        "colours": ("#2a9d8f", "#e76f51"),
        "motif": "bars",
        "alt": "Minh họa: biểu đồ cột trắng trên nền xanh lục chuyển sang cam",
        "sections": [
            (
                None,
                [
                    "Hội đồng quản lý Quỹ đã xét duyệt 15 dự án của doanh nghiệp nhỏ và vừa. "
                    "Tổng kinh phí hỗ trợ và cho vay gần 12 tỷ đồng.",
                ],
            ),
            (
                "Theo dõi sử dụng vốn",
                [
                    "Mỗi dự án báo cáo tiến độ và chứng từ theo quý. Sở Khoa học và Công nghệ "
                    "kiểm tra thực tế trước mỗi lần giải ngân.",
                ],
            ),
        ],
        "table": (
            "Hỗ trợ theo lĩnh vực",
            [
                ["Lĩnh vực", "Số dự án", "Kinh phí (triệu đồng)"],
                ["Chế biến thủy sản", "5", "4.300"],
                ["Nông nghiệp công nghệ cao", "4", "3.100"],
                ["Năng lượng tái tạo", "3", "2.800"],
                ["Dịch vụ số", "3", "1.650"],
            ],
        ),
    },
    {
        "slug": "du-lich-cong-dong-ha-tien-khoi-nghiep",
        "days_ago": 69,
        "title": "Du lịch cộng đồng ở Hà Tiên: khởi nghiệp từ trải nghiệm bản địa",
        "summary": "Một nhóm bạn trẻ đưa du khách đi thuyền ở Đông Hồ, học làm bánh truyền "
        "thống và ở nhà dân, với lịch đặt chỗ và thanh toán trực tuyến.",
        "author": "Lý Thu Trang",
        "categories": ["khoi-nghiep"],
        "tags": ["du lịch", "Hà Tiên", "khởi nghiệp"],
        "colours": ("#00b4d8", "#ffd6a5"),
        "motif": "waves",
        "alt": "Minh họa: sóng trắng trên nền chuyển từ xanh nước biển sang màu đào",
        "sections": [
            (
                None,
                [
                    "Nhóm khởi nghiệp làm việc với 18 hộ dân để xây dựng các tour nửa ngày: đi "
                    "thuyền trên Đông Hồ, thăm làng nghề, nấu món ăn địa phương.",
                ],
            ),
            (
                "Người dân cùng hưởng lợi",
                [
                    "Mỗi tour chia doanh thu cho các hộ tham gia. Nhóm hướng dẫn các hộ chụp ảnh, "
                    "viết giới thiệu và trả lời khách bằng tiếng Anh cơ bản.",
                ],
            ),
        ],
        "quote": (
            "Khách nước ngoài không tìm khách sạn, họ tìm một bữa cơm cùng gia đình người Hà Tiên.",
            "Trưởng nhóm khởi nghiệp",
        ),
        "en": {
            "title": "Community tourism in Ha Tien: a startup built on local experiences",
            "summary": "Young founders take visitors boating on Dong Ho lagoon, baking "
            "traditional cakes and staying with families, booked and paid online.",
            "alt": "Illustration: white waves on a background fading from sea blue to peach",
            "sections": [
                (
                    None,
                    [
                        "The startup works with 18 households on half-day tours: a boat trip "
                        "on Dong Ho lagoon, a craft village, cooking local dishes.",
                    ],
                ),
                (
                    "Shared with the community",
                    [
                        "Every tour shares its revenue with the households taking part. The "
                        "team teaches them to take photos, write descriptions and answer "
                        "guests in basic English.",
                    ],
                ),
            ],
            "quote": (
                "Foreign visitors are not looking for a hotel; they are looking for a meal "
                "with a Ha Tien family.",
                "Team leader",
            ),
        },
    },
    {
        "slug": "tap-huan-so-huu-tri-tue-bao-ho-nhan-hieu",
        "days_ago": 75,
        "title": "Tập huấn sở hữu trí tuệ: doanh nghiệp nhỏ cần làm gì để bảo hộ nhãn hiệu?",
        "summary": "Hơn 60 doanh nghiệp và hộ kinh doanh được hướng dẫn tra cứu, nộp đơn "
        "đăng ký nhãn hiệu và xử lý khi bị làm giả.",
        "author": "Đặng Kim Ngân",
        "categories": ["chinh-sach", "su-kien"],
        "tags": ["sở hữu trí tuệ", "nhãn hiệu"],
        "colours": ("#5f0f40", "#fb8b24"),
        "motif": "circles",
        "alt": "Minh họa: vòng tròn hồng nhạt và đỏ mận trên nền chuyển từ đỏ mận sang cam",
        "sections": [
            (
                None,
                [
                    "Lớp tập huấn do Sở Khoa học và Công nghệ tổ chức, với giảng viên là luật sư "
                    "sở hữu trí tuệ và chuyên viên của Sở.",
                ],
            ),
            (
                "Ba việc nên làm ngay",
                [
                    "Tra cứu trước khi đặt tên sản phẩm; nộp đơn sớm, kể cả khi chưa bán hàng; "
                    "lưu giữ chứng cứ sử dụng nhãn hiệu. Doanh nghiệp khởi nghiệp được hỗ trợ "
                    "một phần phí đăng ký theo chương trình của tỉnh.",
                ],
            ),
        ],
    },
    {
        "slug": "phu-pham-thuy-san-thanh-phan-bon-huu-co",
        "days_ago": 81,
        "title": "Phụ phẩm thủy sản thành phân bón hữu cơ: mô hình kinh tế tuần hoàn",
        "summary": "Đầu cá, vỏ tôm được ủ với chế phẩm vi sinh thành phân bón cho vườn tiêu "
        "và ruộng lúa, giảm ô nhiễm quanh cơ sở chế biến.",
        "author": "Trương Đức Hải",
        "categories": ["khoa-hoc-cong-nghe", "chuyen-giao-cong-nghe"],
        "tags": ["kinh tế tuần hoàn", "thủy sản", "môi trường"],
        "colours": ("#606c38", "#dda15e"),
        "motif": "hills",
        "alt": "Minh họa: đồi màu ô liu dưới trời vàng nâu",
        "sections": [
            (
                None,
                [
                    "Nhiệm vụ khoa học và công nghệ cấp tỉnh đã hoàn thiện quy trình ủ phụ phẩm "
                    "thủy sản với chế phẩm vi sinh trong 21 ngày, không mùi và đạt chỉ tiêu phân "
                    "bón hữu cơ.",
                ],
            ),
            (
                "Chuyển giao cho doanh nghiệp",
                [
                    "Quy trình đã được chuyển giao cho hai doanh nghiệp. Sản phẩm đang được thử "
                    "nghiệm trên vườn tiêu ở Phú Quốc và ruộng lúa ở Hòn Đất.",
                ],
            ),
        ],
        "quote": (
            "Thứ trước đây phải trả tiền để xử lý nay trở thành sản phẩm bán được.",
            "Giám đốc một cơ sở chế biến",
        ),
        "en": {
            "title": "Seafood by-products become organic fertiliser: a circular model",
            "summary": "Fish heads and shrimp shells composted with microbes become fertiliser "
            "for pepper farms and rice fields, and the air around processing plants is "
            "cleaner.",
            "alt": "Illustration: olive hills under a tan sky",
            "sections": [
                (
                    None,
                    [
                        "A provincial S&T task has finished a 21-day process that composts "
                        "seafood by-products with microbes, without odour and up to the "
                        "standard for organic fertiliser.",
                    ],
                ),
                (
                    "Transferred to enterprises",
                    [
                        "Two enterprises have taken up the process. The fertiliser is being "
                        "tried on pepper farms in Phu Quoc and rice fields in Hon Dat.",
                    ],
                ),
            ],
            "quote": (
                "What we used to pay to get rid of is now something we sell.",
                "Director of a processing plant",
            ),
        },
    },
    {
        "slug": "mang-luoi-chuyen-gia-co-van-khoi-nghiep-mo-rong",
        "days_ago": 88,
        "title": "Mạng lưới chuyên gia cố vấn khởi nghiệp của tỉnh mở rộng lên 15 người",
        "summary": "Các chuyên gia về xuất khẩu, gọi vốn, marketing số, sở hữu trí tuệ và "
        "công nghệ nhận lịch tư vấn trực tiếp trên cổng thông tin.",
        "author": "Trần Thị Thu Hà",
        "categories": ["khoi-nghiep"],
        "tags": ["cố vấn", "khởi nghiệp"],
        "colours": ("#7209b7", "#4cc9f0"),
        "motif": "grid",
        "alt": "Minh họa: lưới điểm trắng trên nền chuyển từ tím sang xanh nhạt",
        "sections": [
            (
                None,
                [
                    "Mạng lưới nay có 15 chuyên gia cố vấn đến từ doanh nghiệp, trường đại học, "
                    "quỹ đầu tư và hiệp hội ngành hàng. Mỗi chuyên gia công bố lịch trống hằng "
                    "tháng.",
                ],
            ),
            (
                "Đặt lịch như thế nào",
                [
                    "Thành viên của doanh nghiệp khởi nghiệp đã được xác minh chọn chuyên gia, "
                    "chọn giờ và ghi nội dung cần tư vấn. Sau buổi làm việc, chuyên gia ghi "
                    "chú và việc cần làm tiếp theo; doanh nghiệp đánh giá buổi tư vấn.",
                ],
            ),
        ],
        "quote": (
            "Một giờ với đúng người có thể tiết kiệm cho doanh nghiệp ba tháng mò mẫm.",
            "Nguyễn Thị Thanh Hương, chuyên gia xuất khẩu thủy sản",
        ),
    },
    {
        "slug": "nuoc-mam-phu-quoc-len-men-kiem-soat-nhiet-do",
        "days_ago": 95,
        "title": "Nước mắm Phú Quốc ứng dụng công nghệ lên men kiểm soát nhiệt độ",
        "summary": "Thùng ủ có cảm biến và hệ thống làm mát giúp rút ngắn thời gian ủ và giữ "
        "hương vị ổn định giữa các mẻ.",
        "author": "Bùi Văn Lực",
        "categories": ["chuyen-giao-cong-nghe"],
        "tags": ["Phú Quốc", "thủy sản", "chế biến"],
        "colours": ("#8d0801", "#f4d58d"),
        "motif": "waves",
        "alt": "Minh họa: sóng trắng trên nền chuyển từ đỏ sẫm sang màu kem",
        "sections": [
            (
                None,
                [
                    "Ba nhà thùng ở Phú Quốc đã lắp cảm biến nhiệt độ và hệ thống làm mát cho "
                    "thùng ủ cá cơm. Dữ liệu mỗi thùng được ghi lại để so sánh giữa các mẻ.",
                ],
            ),
            (
                "Giữ nghề truyền thống",
                [
                    "Công nghệ không thay thế cách làm truyền thống mà giúp người làm nghề chủ "
                    "động hơn khi thời tiết thay đổi.",
                ],
            ),
        ],
    },
    {
        "slug": "sinh-vien-giai-nhat-y-tuong-khoi-nghiep-du-bao-man",
        "days_ago": 103,
        "title": "Sinh viên giành giải nhất cuộc thi ý tưởng khởi nghiệp với ứng dụng dự báo mặn",
        "summary": "Ứng dụng kết hợp dữ liệu quan trắc và mô hình dự báo, nhắn tin cho nông "
        "dân trước khi nước mặn xâm nhập vào kênh nội đồng.",
        "author": "Lê Minh Khánh",
        "categories": ["khoi-nghiep"],
        "tags": ["sinh viên", "biến đổi khí hậu", "chuyển đổi số"],
        "colours": ("#0077b6", "#caf0f8"),
        "motif": "bars",
        "alt": "Minh họa: biểu đồ cột xanh nhạt trên nền xanh dương",
        "sections": [
            (
                None,
                [
                    "Nhóm bốn sinh viên ngành công nghệ thông tin đã vượt qua 40 đội để giành "
                    "giải nhất cuộc thi ý tưởng khởi nghiệp đổi mới sáng tạo cấp tỉnh.",
                ],
            ),
            (
                "Bước tiếp theo",
                [
                    "Nhóm được vào thẳng khóa ươm tạo của tỉnh và sẽ thử nghiệm ứng dụng với hai "
                    "hợp tác xã trồng lúa trong mùa khô tới.",
                ],
            ),
        ],
        "quote": (
            "Nhà em làm lúa, năm nào mặn vào cũng thiệt hại. Tụi em muốn ba mẹ biết trước ba ngày.",
            "Thành viên nhóm đạt giải",
        ),
    },
    {
        "slug": "tieu-chuan-do-luong-chat-luong-chung-nhan-xuat-khau",
        "days_ago": 112,
        "title": "Tiêu chuẩn, đo lường, chất lượng: hỗ trợ doanh nghiệp đạt chứng nhận xuất khẩu",
        "summary": "Chương trình hỗ trợ doanh nghiệp áp dụng hệ thống quản lý chất lượng và "
        "đạt chứng nhận theo yêu cầu của thị trường nhập khẩu.",
        "author": "Phòng Quản lý Khoa học",
        "categories": ["chinh-sach"],
        "tags": ["tiêu chuẩn chất lượng", "xuất khẩu"],
        "colours": ("#495057", "#94d2bd"),
        "motif": "circles",
        "alt": "Minh họa: vòng tròn trắng mờ trên nền chuyển từ xám sang xanh bạc hà",
        "sections": [
            (
                None,
                [
                    "Doanh nghiệp được hỗ trợ một phần chi phí tư vấn, đánh giá và chứng nhận "
                    "hệ thống quản lý chất lượng, an toàn thực phẩm.",
                ],
            ),
            (
                "Điều kiện tham gia",
                [
                    "Doanh nghiệp có đăng ký kinh doanh trên địa bàn tỉnh, có sản phẩm chủ lực "
                    "hoặc sản phẩm xuất khẩu và cam kết duy trì chứng nhận ít nhất hai năm.",
                ],
            ),
        ],
        "cta": "contact",
        "cta_text": "Liên hệ để được tư vấn",
    },
]

# number: fields. `file` is "reference" for the 2020 plan's own text.
ISSUING_BODIES = {
    "ubnd-tinh": ("Ủy ban nhân dân tỉnh", "Provincial People's Committee"),
    "so-khcn": ("Sở Khoa học và Công nghệ", "Department of Science and Technology"),
    "bo-khcn": ("Bộ Khoa học và Công nghệ", "Ministry of Science and Technology"),
    "thu-tuong": ("Thủ tướng Chính phủ", "Prime Minister"),
    "bo-chinh-tri": ("Bộ Chính trị", "Politburo"),
}

DOCUMENTS = [
    {
        "number": "44/KH-UBND",
        "date": (2020, 4, 10),
        "body": "ubnd-tinh",
        "type": "plan",
        "title": "Kế hoạch thực hiện Kế hoạch số 197-KH/TU ngày 28/02/2020 của Tỉnh ủy về phát "
        "triển khoa học và công nghệ phục vụ sự nghiệp công nghiệp hóa, hiện đại hóa trong "
        "điều kiện kinh tế thị trường định hướng xã hội chủ nghĩa và hội nhập quốc tế",
        "title_en": "Plan implementing the Provincial Party Committee's Plan 197-KH/TU of 28 "
        "February 2020 on developing science and technology for industrialisation and "
        "modernisation",
        "summary": "Mục đích, yêu cầu; nhiệm vụ và giải pháp chủ yếu: tăng cường quản lý nhà "
        "nước, đổi mới cơ chế chính sách, hình thành hệ thống đổi mới sáng tạo lấy doanh "
        "nghiệp làm trung tâm, phát triển thị trường khoa học và công nghệ, Quỹ phát triển "
        "khoa học và công nghệ của tỉnh; phân công tổ chức thực hiện và báo cáo hằng năm "
        "trước ngày 25 tháng 10.",
        "summary_en": "Aims; main tasks and measures: stronger public management, reformed "
        "policies, an innovation system centred on enterprises, a technology market and a "
        "provincial S&T development fund; who does what, and a yearly report before 25 "
        "October.",
        "file": "reference",
    },
    {
        "number": "844/QĐ-TTg",
        "date": (2016, 5, 18),
        "body": "thu-tuong",
        "type": "decision",
        "title": "Quyết định phê duyệt Đề án “Hỗ trợ hệ sinh thái khởi nghiệp đổi mới sáng tạo "
        "quốc gia đến năm 2025”",
        "title_en": "Decision approving the scheme “Supporting the national innovation "
        "startup ecosystem until 2025”",
        "summary": "Đề án 844: hỗ trợ hoàn thiện hệ sinh thái khởi nghiệp, cổng thông tin khởi "
        "nghiệp quốc gia, hỗ trợ dự án và doanh nghiệp khởi nghiệp đổi mới sáng tạo.",
        "summary_en": "Scheme 844: building the startup ecosystem, a national startup portal, "
        "support for innovation startup projects and companies.",
    },
    {
        "number": "57-NQ/TW",
        "date": (2024, 12, 22),
        "body": "bo-chinh-tri",
        "type": "resolution",
        "title": "Nghị quyết về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và "
        "chuyển đổi số quốc gia",
        "title_en": "Resolution on breakthroughs in science, technology, innovation and "
        "national digital transformation",
        "summary": "Xác định khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số là đột phá "
        "quan trọng hàng đầu, động lực chính để phát triển lực lượng sản xuất hiện đại.",
        "summary_en": "Names science, technology, innovation and digital transformation the "
        "foremost breakthrough and main driver of a modern economy.",
    },
    {
        "number": "310/KH-UBND",
        "date": (2025, 9, 15),
        "body": "ubnd-tinh",
        "type": "plan",
        "title": "Kế hoạch hỗ trợ hệ sinh thái khởi nghiệp đổi mới sáng tạo tỉnh giai đoạn "
        "2025-2030",
        "title_en": "Plan supporting the province's innovation startup ecosystem, 2025-2030",
        "summary": "Mục tiêu đến năm 2030: 100 dự án khởi nghiệp được hỗ trợ, 30 doanh nghiệp "
        "khởi nghiệp gọi được vốn, mạng lưới chuyên gia cố vấn và cổng thông tin khởi nghiệp "
        "của tỉnh.",
        "summary_en": "Targets for 2030: 100 startup projects supported, 30 startups funded, a "
        "mentor network and the province's startup portal.",
    },
    {
        "number": "1520/QĐ-UBND",
        "date": (2022, 6, 30),
        "body": "ubnd-tinh",
        "type": "decision",
        "title": "Quyết định ban hành Điều lệ tổ chức và hoạt động của Quỹ Phát triển khoa học "
        "và công nghệ tỉnh",
        "title_en": "Decision issuing the charter of the provincial Science and Technology "
        "Development Fund",
        "summary": "Quỹ cho vay ưu đãi, hỗ trợ và tài trợ các dự án đổi mới công nghệ, nhận "
        "chuyển giao công nghệ, bảo hộ sở hữu trí tuệ của tổ chức, doanh nghiệp trong tỉnh.",
        "summary_en": "The fund lends on favourable terms to, supports and funds projects that "
        "renew or acquire technology and protect intellectual property.",
    },
    {
        "number": "215/HD-SKHCN",
        "date": (2026, 10, 20),
        "body": "so-khcn",
        "type": "guideline",
        "title": "Hướng dẫn xây dựng đề xuất đặt hàng nhiệm vụ khoa học và công nghệ cấp tỉnh "
        "năm 2027",
        "title_en": "Guidelines for proposing provincial science and technology tasks for 2027",
        "summary": "Mẫu phiếu đề xuất, tiêu chí xác định nhiệm vụ, lĩnh vực ưu tiên và thời hạn "
        "gửi hồ sơ về Sở Khoa học và Công nghệ.",
        "summary_en": "The proposal form, selection criteria, priority fields and the deadline "
        "for sending proposals to the Department.",
    },
    {
        "number": "88/TB-SKHCN",
        "date": (2026, 9, 5),
        "body": "so-khcn",
        "type": "notice",
        "title": "Thông báo tuyển chọn tổ chức, cá nhân chủ trì thực hiện nhiệm vụ khoa học và "
        "công nghệ cấp tỉnh bắt đầu thực hiện năm 2027",
        "title_en": "Notice of the selection of organisations and individuals to lead "
        "provincial S&T tasks starting in 2027",
        "summary": "Danh mục 7 nhiệm vụ tuyển chọn, hồ sơ đăng ký, thời hạn và địa điểm nhận "
        "hồ sơ.",
        "summary_en": "The list of 7 tasks open for selection, what to send, the deadline and "
        "where to send it.",
    },
    {
        "number": "142/HD-SKHCN",
        "date": (2025, 11, 12),
        "body": "so-khcn",
        "type": "guideline",
        "title": "Hướng dẫn hỗ trợ doanh nghiệp khởi nghiệp xác lập quyền sở hữu trí tuệ",
        "title_en": "Guidelines on helping startups register intellectual property",
        "summary": "Điều kiện, mức hỗ trợ phí đăng ký nhãn hiệu, kiểu dáng công nghiệp, sáng "
        "chế và hồ sơ đề nghị hỗ trợ.",
        "summary_en": "Who qualifies, how much of the trademark, design and patent fees is "
        "covered, and the application file.",
    },
    {
        "number": "96/BC-SKHCN",
        "date": (2026, 10, 22),
        "body": "so-khcn",
        "type": "report",
        "title": "Báo cáo tình hình thực hiện Kế hoạch số 44/KH-UBND năm 2026",
        "title_en": "Report on the implementation of Plan 44/KH-UBND in 2026",
        "summary": "Kết quả thực hiện các nhiệm vụ, giải pháp trong năm; khó khăn, vướng mắc và "
        "kiến nghị; gửi Ủy ban nhân dân tỉnh trước ngày 25 tháng 10.",
        "summary_en": "What was done this year, difficulties and recommendations; sent to the "
        "Provincial People's Committee before 25 October.",
    },
    {
        "number": "2150/BKHCN-PTTTDN",
        "date": (2026, 7, 8),
        "body": "bo-khcn",
        "type": "official_letter",
        "title": "Công văn về việc tổ chức Ngày hội khởi nghiệp đổi mới sáng tạo quốc gia "
        "(Techfest) năm 2026",
        "title_en": "Official letter on the 2026 national innovation startup festival (Techfest)",
        "summary": "Đề nghị các địa phương giới thiệu dự án khởi nghiệp tiêu biểu, tổ chức sự "
        "kiện kết nối vùng và cử đoàn tham dự.",
        "summary_en": "Asks provinces to nominate outstanding startups, hold regional events "
        "and send delegations.",
    },
]

ABOUT = {
    "vi": {
        "title": "Giới thiệu",
        "intro": "Cổng thông tin khởi nghiệp đổi mới sáng tạo do Sở Khoa học và Công nghệ "
        "xây dựng để kết nối doanh nghiệp khởi nghiệp, nhóm nghiên cứu, chuyên gia cố vấn và "
        "các đối tác của tỉnh.",
        "sections": [
            (
                "Cổng thông tin dành cho ai",
                [
                    "Người đọc tìm tin tức, chính sách và các đợt kêu gọi hồ sơ; doanh nghiệp "
                    "khởi nghiệp và nhóm nghiên cứu đăng ký hồ sơ, nộp đơn vào các chương trình "
                    "hỗ trợ, đặt lịch với chuyên gia cố vấn và đăng ký tham gia sự kiện; cán bộ "
                    "của Sở quản lý chương trình, xác minh tổ chức và tổng hợp báo cáo.",
                ],
            ),
            (
                "Cơ sở pháp lý",
                [
                    "Cổng thông tin phục vụ các nhiệm vụ trong Kế hoạch số 44/KH-UBND ngày 10 "
                    "tháng 4 năm 2020 của Ủy ban nhân dân tỉnh: tuyên truyền chính sách khoa "
                    "học và công nghệ, hỗ trợ khởi nghiệp và đổi mới công nghệ, đặt hàng và "
                    "tuyển chọn nhiệm vụ, phát triển thị trường khoa học và công nghệ.",
                ],
            ),
            (
                "Những gì bạn tìm thấy ở đây",
                [
                    "Danh bạ doanh nghiệp khởi nghiệp, nhóm nghiên cứu và đối tác; các chương "
                    "trình hỗ trợ và đợt kêu gọi hồ sơ; lịch sự kiện; mạng lưới chuyên gia cố "
                    "vấn; văn bản chính sách và tin tức.",
                ],
            ),
        ],
        "cta_text": "Liên hệ với chúng tôi",
        "plan_link": "Toàn văn Kế hoạch số 44/KH-UBND",
    },
    "en": {
        "title": "About",
        "intro": "The innovation startup portal is run by the Department of Science and "
        "Technology to connect the province's startups, research groups, mentors and "
        "partners.",
        "sections": [
            (
                "Who the portal is for",
                [
                    "Readers come for news, policy and calls for applications; startups and "
                    "research groups keep their profile, apply to support programmes, book "
                    "mentors and register for events; the Department's staff run programmes, "
                    "verify organisations and prepare reports.",
                ],
            ),
            (
                "Legal basis",
                [
                    "The portal serves the tasks of the Provincial People's Committee's Plan "
                    "44/KH-UBND of 10 April 2020: publicising S&T policy, supporting startups "
                    "and technology renewal, commissioning and selecting S&T tasks and "
                    "developing the technology market.",
                ],
            ),
            (
                "What you will find here",
                [
                    "A directory of startups, research groups and partners; support "
                    "programmes and calls; an events calendar; the mentor network; policy "
                    "documents and news.",
                ],
            ),
        ],
        "cta_text": "Contact us",
        "plan_link": "Full text of Plan 44/KH-UBND (Vietnamese)",
    },
}

CONTACT = {
    "vi": {
        "title": "Liên hệ",
        "intro": "<p>Bạn có câu hỏi về các chương trình hỗ trợ, cách đăng ký hồ sơ hay muốn "
        "trở thành đối tác? Hãy gửi cho chúng tôi; cán bộ điều phối sẽ trả lời trong hai ngày "
        "làm việc.</p>",
        "thank_you_text": "<p>Cảm ơn bạn đã liên hệ. Chúng tôi sẽ trả lời qua email trong hai "
        "ngày làm việc.</p>",
        "subject": "Liên hệ từ cổng thông tin khởi nghiệp",
        "fields": [
            ("Họ và tên", "singleline", True, ""),
            ("Email", "email", True, ""),
            ("Nội dung", "multiline", True, "Bạn cần hỗ trợ về việc gì?"),
        ],
    },
    "en": {
        "title": "Contact",
        "intro": "<p>Questions about support programmes, how to apply, or becoming a partner? "
        "Write to us; a coordinator will answer within two working days.</p>",
        "thank_you_text": "<p>Thank you for getting in touch. We will answer by email within "
        "two working days.</p>",
        "subject": "Message from the startup portal",
        "fields": [
            ("Name", "singleline", True, ""),
            ("Email", "email", True, ""),
            ("Message", "multiline", True, "What can we help you with?"),
        ],
    },
}

# Tier S: article titles are made from these.
GENERATED_TOPICS = [
    "khởi nghiệp đổi mới sáng tạo", "chuyển đổi số", "nuôi trồng thủy sản",
    "lúa gạo chất lượng cao", "hồ tiêu Phú Quốc", "du lịch biển đảo", "năng lượng tái tạo",
    "sở hữu trí tuệ",
    "chuyển giao công nghệ", "tiêu chuẩn chất lượng", "kinh tế tuần hoàn", "nhiệm vụ khoa học",
]  # fmt: skip
GENERATED_KINDS = [
    "Hội thảo về", "Tập huấn", "Kết quả nghiệm thu nhiệm vụ về", "Doanh nghiệp ứng dụng",
    "Kết nối đầu tư cho", "Ra mắt mô hình", "Tọa đàm về",
]  # fmt: skip
GENERATED_PLACES = ["Rạch Giá", "Phú Quốc", "Hà Tiên", "Long Xuyên", "Châu Đốc", "Hòn Đất"]


# The province's 2020 S&T plan (../shared/reference/ in the project's workspace),
# one paragraph per item, markup removed: the text of its demo file.
PLAN_2020_PARAGRAPHS = (
    "Kiên Giang, ngày 10 tháng 4 năm 2020",
    "KẾ HOẠCH",
    (
        "Thực hiện Kế hoạch số 197-KH/TU ngày 28/02/2020 của Tỉnh ủy về phát triển khoa học "
        "và công nghệ phục vụ sự nghiệp công nghiệp hóa, hiện đại hóa trong điều kiện kinh tế "
        "thị trường định hướng xã hội chủ nghĩa và hội nhập quốc tế"
    ),
    (
        "Căn cứ Nghị quyết số 20-NQ/TW ngày 01-11-2012 của Ban Chấp hành Trung ương Đảng "
        "(khóa XI), Nghị quyết số 46/NQ-CP ngày 29-3-2020 của Chính phủ về việc thực hiện "
        "Nghị quyết số 20-NQ/TW của Ban Chấp hành Trung ương Đảng (khóa XI) và Chương trình "
        "hành động số 36-CTr/TU ngày 27-02-2020 của Ban Chấp hành Đảng bộ tỉnh Kiên Giang về "
        "phát triển khoa học và công nghệ phục vụ sự nghiệp công nghiệp hóa, hiện đại hóa "
        "trong điều kiện kinh tế thị trường định hướng xã hội chủ nghĩa và hội nhập quốc tế;"
    ),
    (
        "Căn cứ Kế hoạch số 197-KH/TU ngày 28-02-2020 của Tỉnh ủy thực hiện Kết luận số "
        "50-KL/TW ngày 30-5-2019 của Ban Bí thư về tiếp tục thực hiện Nghị quyết Hội nghị "
        "Trung ương 6 khóa XI về phát triển khoa học và công nghệ phục vụ sự nghiệp công "
        "nghiệp hóa, hiện đại hóa trong điều kiện kinh tế thị trường định hướng xã hội chủ "
        "nghĩa và hội nhập quốc tế;"
    ),
    "Ủy ban nhân dân tỉnh Kiên Giang xây dựng kế hoạch thực hiện như sau:",
    "I. MỤC ĐÍCH VÀ YÊU CẦU",
    (
        "- Tiếp tục quán triệt, cụ thể hóa, tổ chức triển khai thực hiện có hiệu quả Nghị "
        "quyết số 20-NQ/TW của Ban Chấp hành Trung ương khóa XI và Chương trình hành động số "
        "36-CTr/TU của Tỉnh ủy; tổ chức thực hiện tốt các nhiệm vụ, giải pháp nêu trong Kết "
        "luận số 50-KL/TW ngày 30-5-2019 của Ban Bí thư và Kế hoạch 197-KH/TU của Tỉnh ủy."
    ),
    (
        "- Nâng cao nhận thức, tinh thần trách nhiệm của các cấp chính quyền và toàn xã hội "
        "về vai trò và tầm quan trọng của khoa học và công nghệ đối với sự phát triển kinh tế "
        "- xã hội của tỉnh đóng góp sự nghiệp công nghiệp hóa, hiện đại hóa đất nước trong "
        "điều kiện kinh tế thị trường định hướng xã hội chủ nghĩa và hội nhập quốc tế."
    ),
    (
        "- Tiếp tục huy động sức mạnh tổng hợp của hệ thống chính trị, các tổ chức chính trị, "
        "xã hội, nghề nghiệp, doanh nghiệp và nhân dân trong phát triển khoa học và công "
        "nghệ; phấn đấu sớm đạt mục tiêu Chương trình hành động số 36-CTr/TU của Tỉnh ủy."
    ),
    (
        "- Nâng cao hiệu lực, hiệu quả quản lý, điều hành của các cấp chính quyền về khoa học "
        "và công nghệ. Phát triển khoa học và công nghệ phù hợp với từng giai đoạn, gắn liền "
        "với thực hiện nhiệm vụ chính trị của các cấp, các ngành."
    ),
    "II. NHIỆM VỤ VÀ GIẢI PHÁP CHỦ YẾU",
    (
        "1. Tăng cường vai trò lãnh đạo của các cấp chính quyền, năng lực quản lý Nhà nước "
        "đối với sự nghiệp phát triển khoa học và công nghệ phục vụ phát triển kinh tế - xã "
        "hội địa phương:"
    ),
    (
        "- Tiếp tục đẩy mạnh công tác tuyên truyền, phổ biến Nghị quyết số 20-NQ/TW của Ban "
        "Chấp hành Trung ương khóa XI, Kết luận số 50-KL/TW ngày 30-5-2019 của Ban Bí thư, "
        "Chương trình hành động số 36-CTr/TU của Tỉnh ủy, Kế hoạch số 197-KH/TU của Tỉnh ủy "
        "và Kế hoạch số 16/KH-UBND ngày 05/3/2014 của UBND tỉnh về “Phát triển khoa học và "
        "công nghệ phục vụ sự nghiệp công nghiệp hóa, hiện đại hóa trong điều kiện kinh tế "
        "thị trường định hướng xã hội chủ nghĩa và hội nhập quốc tế”."
    ),
    (
        "- Tăng cường vai trò lãnh đạo của các cấp chính quyền, năng lực quản lý Nhà nước đối "
        "với sự nghiệp phát triển khoa học và công nghệ phục vụ phát triển kinh tế - xã hội "
        "địa phương."
    ),
    (
        "- Nâng cao năng lực, chất lượng và vai trò của Hội đồng tư vấn khoa học và công nghệ "
        "cấp tỉnh, ngành và địa phương."
    ),
    (
        "- Tăng cường công tác kiểm tra, giám sát sử dụng có hiệu quả nguồn vốn ngân sách "
        "khoa học và công nghệ tỉnh."
    ),
    "2. Đổi mới cơ chế chính sách, phương thức quản lý hoạt động khoa học và công nghệ:",
    (
        "- Tiếp tục nghiên cứu, vận dụng và ban hành các chính sách khuyến khích các doanh "
        "nghiệp cải tiến, đổi mới và phát triển công nghệ, ứng dụng thành tựu khoa học và "
        "công nghệ vào sản xuất, kinh doanh; hỗ trợ doanh nghiệp xây dựng, phát triển thương "
        "hiệu, nâng cao chuỗi giá trị các sản phẩm địa phương; thu hút, phát triển nguồn nhân "
        "lực khoa học và công nghệ có trình độ cao tham gia hoạt động khoa học và công nghệ "
        "tỉnh."
    ),
    (
        "- Từng bước hình thành hệ thống đổi mới sáng tạo của tỉnh với hàm lượng khoa học và "
        "công nghệ cao theo hướng lấy doanh nghiệp làm trung tâm. Gắn kết chặt chẽ hoạt động "
        "nghiên cứu khoa học, ứng dụng và phát triển công nghệ giữa viện nghiên cứu, trường "
        "đại học, cao đẳng, tổ chức khoa học và công nghệ, doanh nghiệp và cơ quan quản lý "
        "khoa học và công nghệ các cấp."
    ),
    (
        "- Rà soát, sắp xếp lại bộ máy tổ chức, nâng cao năng lực đội ngũ quản lý nhà nước về "
        "khoa học và công nghệ của tỉnh. Tiếp tục đổi mới phương thức quản lý hoạt động khoa "
        "học và công nghệ đáp ứng yêu cầu nhiệm vụ trong tình hình mới. Thực hiện tốt cơ chế "
        "tự chủ đối với các đơn vị sự nghiệp hoạt động khoa học và công nghệ. Duy trì, phát "
        "huy phương thức đặt hàng, tuyển chọn thực hiện nhiệm vụ khoa học và công nghệ, tiến "
        "đến thực hiện cơ chế khoán kinh phí đến sản phẩm cuối cùng. Tranh thủ tham gia triển "
        "khai các nhiệm vụ khoa học và công nghệ trên địa bàn tỉnh sử dụng Quỹ phát triển "
        "khoa học và công nghệ quốc gia, Quỹ đổi mới công nghệ quốc gia; từng bước hình thành "
        "Quỹ phát triển khoa học và công nghệ của tỉnh. Khuyến khích tăng số lượng, quy mô và "
        "sử dụng có hiệu quả các quỹ phát triển khoa học và công nghệ trong các doanh nghiệp; "
        "đẩy mạnh hợp tác công tư trong hoạt động khoa học và công nghệ."
    ),
    (
        "3. Triển khai có hiệu quả các chương trình, nhiệm vụ phát triển khoa học và công "
        "nghệ trọng tâm của tỉnh:"
    ),
    (
        "- Nghiên cứu, đề xuất tích hợp quy hoạch phát triển khoa học và công nghệ đến năm "
        "2030 phù hợp với quy hoạch phát triển chung của tỉnh. Cập nhật điều chỉnh và triển "
        "khai thực hiện có hiệu quả các chương trình, nhiệm vụ phát triển khoa học và công "
        "nghệ theo Kế hoạch số 16/KH-UBND của UBND tỉnh. Chủ động, tích cực tham gia các "
        "chương trình khoa học và công nghệ quốc gia, phục vụ thiết thực các mục tiêu phát "
        "triển kinh tế - xã hội tỉnh. Đẩy mạnh ứng dụng các thành tựu khoa học và công nghệ "
        "tiên tiến để phát triển các sản phẩm chủ lực có tính cạnh tranh cao của tỉnh."
    ),
    (
        "- Huy động các nguồn lực, tập trung đầu tư nghiên cứu, nâng cao năng lực, ứng dụng "
        "và chuyển giao các thành tựu khoa học và công nghệ tiên tiến trong và ngoài nước "
        "phục vụ phát triển kinh tế - xã hội tỉnh. Ưu tiên ứng dụng, phát triển công nghệ "
        "mới, nông nghiệp công nghệ cao, nông nghiệp hữu cơ, công nghệ sinh học; đẩy mạnh "
        "nghiên cứu, ứng dụng tiến bộ khoa học trong y dược, bảo vệ và chăm sóc sức khỏe con "
        "người,..."
    ),
    (
        "- Tiếp tục đầu tư và khai thác có hiệu quả các khu nông nghiệp ứng dụng công nghệ "
        "cao, các cơ sở sản xuất ứng dụng công nghệ cao, tạo ra nhiều sản phẩm hàng hóa chất "
        "lượng. Củng cố và phát triển cơ sở vật chất khoa học và công nghệ, phục vụ khai thác "
        "thông tin, tư liệu khoa học và công nghệ phù hợp với chuẩn mực quốc gia và quốc tế."
    ),
    "4. Tăng cường và phát huy tiềm lực khoa học và công nghệ của tỉnh:",
    (
        "Xây dựng và phát huy tiềm lực khoa học và công nghệ đáp ứng yêu cầu phát triển kinh "
        "tế - xã hội của tỉnh và đảm bảo an ninh, quốc phòng trong tình hình mới. Tăng cường "
        "đầu tư từ ngân sách cho khoa học và công nghệ. Triển khai thực hiện tốt đề án phát "
        "triển nguồn nhân lực khoa học và công nghệ của tỉnh giai đoạn đến năm 2025 và định "
        "hướng đến 2030; chú trọng đào tạo, phát triển nguồn nhân lực khoa học và công nghệ "
        "chất lượng cao đáp ứng yêu cầu cuộc cách mạng công nghiệp lần thứ 4. Hoàn thiện cơ "
        "chế chính sách thu hút và phát huy tối đa các nguồn lực, nhất là nguồn lực ngoài "
        "ngân sách cho đầu tư phát triển tiềm lực khoa học và công nghệ; có chính sách khuyến "
        "khích, thúc đẩy gắn kết các trường đại học, cao đẳng với doanh nghiệp để đưa nhanh "
        "kết quả nghiên cứu vào sản xuất, đời sống."
    ),
    (
        "5. Phát triển mạnh thị trường khoa học và công nghệ và hệ sinh thái khởi nghiệp đổi "
        "mới sáng tạo:"
    ),
    (
        "- Tăng cường công tác thông tin hoạt động khoa học và công nghệ, đẩy mạnh phát triển "
        "dịch vụ khoa học và công nghệ, khuyến khích các tổ chức, cá nhân, nhất là doanh "
        "nghiệp đầu tư nghiên cứu, ứng dụng, chuyển giao công nghệ, tiến bộ khoa học kỹ thuật "
        "vào sản xuất, kinh doanh. Thúc đẩy sự liên thông thị trường khoa học và công nghệ "
        "với thị trường hàng hóa, dịch vụ, thị trường lao động và thị trường vốn. Kết nối có "
        "hiệu quả giữa Trung tâm Khoa học Công nghệ và Môi trường của tỉnh với các sàn giao "
        "dịch công nghệ vùng quốc gia. Liên kết và phát triển mạng lưới các tổ chức dịch vụ "
        "về đánh giá thẩm định, giám định công nghệ, chuyển giao công nghệ; các dịch vụ về so "
        "hữu trí tuệ, tiêu chuẩn, đo lường và chất lượng; hỗ trợ doanh nghiệp truy suất nguồn "
        "gốc sản phẩm."
    ),
    (
        "- Triển khai thực hiện tốt các văn bản của trung ương và của tỉnh trong việc hỗ trợ "
        "khởi nghiệp đổi mới sáng tạo trên địa bàn tỉnh. Thúc đẩy khu vực tư nhân và doanh "
        "nghiệp đầu tư vào lĩnh vực khoa học và công nghệ, khởi nghiệp và đổi mới sáng tạo; "
        "gắn khởi nghiệp đổi mới sáng tạo với phát triển doanh nghiệp khoa học và công nghệ. "
        "Tăng cường hỗ trợ các nhóm nghiên cứu trong các cơ sở giáo dục và đào tạo, các nhóm "
        "nghiên cứu tiềm năng và các doanh nghiệp khởi nghiệp đổi mới sáng tạo trên địa bàn "
        "tỉnh."
    ),
    "6. Tăng cường hợp tác về khoa học và công nghệ:",
    (
        "- Xây dựng cơ chế phối hợp và chia sẻ thông tin giữa các sở, ngành, địa phương, đơn "
        "vị trong quá trình triển khai thực hiện các hoạt động nghiên cứu, ứng dụng và chuyển "
        "giao khoa học và công nghệ. Tăng cường hợp tác, liên kết với các viện, trường đại "
        "học, trung tâm nghiên cứu khoa học và công nghệ lớn trong và ngoài tỉnh ở một số "
        "lĩnh vực thiết yếu. Triển khai thực hiện tốt các hoạt động hợp tác, liên kết, trao "
        "đổi về khoa học và công nghệ tầm khu vực, quốc gia và quốc tế."
    ),
    (
        "- Đa dạng hóa các đối tác và đẩy mạnh hợp tác về khoa học và công nghệ có trọng tâm, "
        "trọng điểm, theo lĩnh vực ưu tiên; gắn kết giữa hợp tác quốc tế về khoa học và công "
        "nghệ với hợp tác quốc tế về kinh tế. Chủ động liên kết, hợp tác nghiên cứu chung với "
        "các đối tác quan trọng sở hữu công nghệ nguồn, mở rộng hợp tác khoa học và công nghệ "
        "với các nước tiên tiến. Chú trọng khai thác, chuyển giao công nghệ từ các nơi có "
        "công nghệ nguồn để rút ngắn khoảng cách, nâng cao trình độ, năng lực khoa học và "
        "công nghệ của tỉnh. Khuyến khích triển khai các dự án đầu tư trực tiếp nước ngoài "
        "chuyển giao công nghệ cho các doanh nghiệp trong tỉnh hoặc thành lập các cơ sở "
        "nghiên cứu và phát triển trên địa bàn tỉnh."
    ),
    "III. TỔ CHỨC THỰC HIỆN",
    "1. Sở Khoa học và Công nghệ:",
    (
        "- Chủ trì, phối hợp với các sở, ban, ngành liên quan, UBND các huyện, thành phố tổ "
        "chức tuyên truyền, phổ biến rộng rãi Kế hoạch này và các chiến lược, chính sách, "
        "pháp luật về khoa học và công nghệ."
    ),
    (
        "- Tham mưu UBND tỉnh rà soát, sửa đổi, bổ sung cơ chế, chính sách và hệ thống các "
        "văn bản liên quan đến lĩnh vực khoa học và công nghệ."
    ),
    (
        "- Phối hợp với Sở Tài chính, Sở Kế hoạch và Đầu tư lập kế hoạch về kinh phí hằng năm "
        "cho hoạt động khoa học và công nghệ. Hình thành và triển khai hoạt động Quỹ phát "
        "triển khoa học và công nghệ của tỉnh."
    ),
    (
        "- Phối hợp với các sở, ban ngành liên quan, UBND các huyện, thành phố tổ chức thực "
        "hiện có hiệu quả chương trình, kế hoạch phát triển khoa học và công nghệ theo quy "
        "định; tham mưu UBND tỉnh tổ chức tổng kết, đánh giá tình hình thực hiện Kế hoạch số "
        "16/KH-UBND của UBND tỉnh và xây dựng chiến lược, kế hoạch thực hiện giai đoạn sau "
        "năm 2020."
    ),
    (
        "- Theo dõi, đôn đốc, kiểm tra việc thực hiện, báo cáo UBND tỉnh về tình hình thực "
        "hiện Kế hoạch này."
    ),
    "2. Sở Tài chính:",
    (
        "- Chủ trì, phối hợp với Sở Kế hoạch và Đầu tư, Sở Khoa học và Công nghệ bảo đảm ngân "
        "sách phát triển khoa học và công nghệ theo quy định."
    ),
    (
        "- Hàng năm, phối hợp với Sở Khoa học và Công nghệ tham mưu UBND tỉnh bố trí kinh phí "
        "thực hiện Kế hoạch theo quy định của Luật Ngân sách nhà nước, Luật Khoa học và công "
        "nghệ và các quy định có liên quan."
    ),
    "3. Thủ trưởng các sở, ngành liên quan và Chủ tịch UBND các huyện, thành phố:",
    (
        "- Triển khai, quán triệt nội dung Kế hoạch; xây dựng kế hoạch thực hiện Kết luận số "
        "50-KL/TW của Ban Bí thư, Kế hoạch số 197-KH/TU của Ban Thường vụ Tỉnh ủy và Kế hoạch "
        "này của UBND tỉnh."
    ),
    (
        "- Phối hợp với Sở Khoa học và Công nghệ lập quy hoạch, xây dựng chiến lược, kế hoạch "
        "phát triển khoa học và công nghệ cho giai đoạn sau năm 2020."
    ),
    (
        "- Hàng năm, trước ngày 25 tháng 10, báo cáo tình hình thực hiện Kế hoạch cho UBND "
        "tỉnh thông qua Sở Khoa học và Công nghệ."
    ),
    (
        "Trên đây là Kế hoạch thực hiện Kế hoạch số 197-KH/TU ngày 28/02/2020 của Tỉnh ủy về "
        "phát triển khoa học và công nghệ phục vụ sự nghiệp công nghiệp hóa, hiện đại hóa "
        "trong điều kiện kinh tế thị trường định hướng xã hội chủ nghĩa và hội nhập quốc tế, "
        "yêu cầu các sở, ngành cấp tỉnh và UBND các huyện, thành phố triển khai thực hiện "
        "tốt. Trong quá trình thực hiện, nếu có khó khăn, vướng mắc báo cáo UBND tỉnh (qua Sở "
        "Khoa học và Công nghệ) để xem xét, giải quyết kịp thời./."
    ),
    "Nơi nhận:",
    "- TT. Tỉnh ủy;",
    "- TT. HĐND tỉnh;",
    "- CT, các PCT. UBND tỉnh;",
    "- Các sở, ban ngành cấp tỉnh;",
    "- UBND các huyện, TP;",
    "- Chánh, Phó CVP;",
    "- Phòng VHXH;",
    "- Lưu: VT, pthtran.",
    "KT. CHỦ TỊCH",
    "PHÓ CHỦ TỊCH",
    "Đỗ Thanh Bình",
)
