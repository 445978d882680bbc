"""robots.txt: crawlers may read everything public, not private areas or
addresses that carry a person's token, and find the sitemap."""


def test_robots_txt_allows_the_public_site_and_points_at_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    assert "Allow: /" in lines
    for path in ["/admin/", "/account/", "/en/account/", "/review/", "/events/r/", "/en/events/r/"]:
        assert f"Disallow: {path}" in lines
    assert "Disallow: /" not in lines
    assert "Disallow: /events/" not in lines
    assert lines[-1] == "Sitemap: http://testserver/sitemap.xml"


def test_robots_txt_uses_the_address_it_was_asked_on(client, settings):
    settings.ALLOWED_HOSTS = ["innohub.example.gov.vn"]
    response = client.get("/robots.txt", HTTP_HOST="innohub.example.gov.vn", secure=True)
    assert "Sitemap: https://innohub.example.gov.vn/sitemap.xml" in response.content.decode()
