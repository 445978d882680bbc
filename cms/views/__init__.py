"""Views the CMS serves beside its pages: search, robots.txt and the sitemap."""
