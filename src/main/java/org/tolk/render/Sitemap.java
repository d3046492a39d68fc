package org.tolk.render;


import org.tolk.site.Page;
import org.tolk.site.Site;
import org.tolk.site.Urls;

/** sitemap.xml with every page and its language versions as {@code xhtml:link} alternates. */
final class Sitemap {
    private static final String SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static final String XHTML = "http://www.w3.org/1999/xhtml";

    private Sitemap() {
    }

    static byte[] xml(Site site) {
        Urls urls = site.urls();
        Xml xml = new Xml();
        {
            xml.start("urlset").attribute("xmlns", SITEMAP).attribute("xmlns:xhtml", XHTML);
            for (Page page : site.pages()) {
                if (!isListed(page)) {
                    continue;
                }
                xml.start("url");
                xml.element("loc", urls.absolute(page.path()));
                if (page instanceof Page.ArticlePage a) {
                    xml.element("lastmod", Feeds.format(Feeds.lastChange(a.article())));
                }
                Alternates.Set alternates = Alternates.of(page, site);
                for (Alternates.Version version : alternates.versions()) {
                    xml.empty("xhtml:link").attribute("rel", "alternate")
                            .attribute("hreflang", version.language().tag()).attribute("href", urls.absolute(version.path()));
                }
                if (!alternates.versions().isEmpty() && alternates.xDefault().isPresent()) {
                    xml.empty("xhtml:link").attribute("rel", "alternate")
                            .attribute("hreflang", "x-default").attribute("href", urls.absolute(alternates.xDefault().get()));
                }
                xml.end();
            }
            xml.end();
            return xml.toBytes();
        }
    }

    /** HTML pages a search engine should index: not the 404 page, feeds or files. */
    private static boolean isListed(Page page) {
        return page instanceof Page.ArticlePage || page instanceof Page.HomePage || page instanceof Page.TopicPage
                || page instanceof Page.TopicsPage || page instanceof Page.ChooserPage;
    }
}
