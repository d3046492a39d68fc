package org.tolk.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.WindowType;

/**
 * End to end, in a real browser: an author edits Markdown on disk and sees the page change by itself;
 * breaks the front matter and sees the error over the last good page; fixes it and sees the overlay go;
 * changes the style sheet and sees it applied without the page reloading.
 */
class BrowserTest {
    @TempDir
    Path temp;

    @Test
    void editsErrorsAndStyleSheetsReachTheOpenPageWithoutAManualReload() throws Exception {
        try (Browser browser = Browser.start(); PreviewFixture f = PreviewFixture.start(PreviewFixture.copy(temp))) {
            browser.driver.get(f.url("/nl/2024/03/story/").toString());
            assertTrue(browser.bodyText().contains("De oprichter van Telegram zegt"));
            browser.script("window.tolkTestMarker = 'loaded once';");

            // 1. An edit on disk appears in the page, without touching the browser.
            f.replace("content/2024/story/story.nl.md", "De oprichter van Telegram zegt", "De oprichter van Telegram verklaart");
            browser.await("the edited text in the page", d -> browser.bodyText().contains("De oprichter van Telegram verklaart"));
            assertNull(browser.script("return window.tolkTestMarker;"), "the page was reloaded");

            // 2. A YAML error: the overlay shows the problem at its place; the last good page stays underneath.
            String good = f.read("content/2024/story/story.nl.md");
            f.write("content/2024/story/story.nl.md", good.replace("title: Telegram weigert", "title: [Telegram weigert"));
            String overlay = browser.await("the error overlay", d -> browser.overlayText());
            assertTrue(overlay.matches("(?s).*content/2024/story/story\\.nl\\.md:\\d+:\\d+: error: invalid YAML.*"), overlay);
            assertTrue(browser.bodyText().contains("De oprichter van Telegram verklaart"), "the last good page underneath");

            // 3. Fixing the file clears the overlay.
            f.write("content/2024/story/story.nl.md", good);
            browser.await("the overlay to go", d -> browser.overlayText() == null);

            // 4. A style-sheet change is swapped in place: no reload.
            browser.script("window.tolkTestMarker = 'still here';");
            f.write("templates/assets/tolk.css", "body { background-color: rgb(10, 20, 30); }\n");
            browser.await("the new background colour", d -> "rgb(10, 20, 30)".equals(
                    browser.script("return getComputedStyle(document.body).backgroundColor;")));
            assertEquals("still here", browser.script("return window.tolkTestMarker;"), "swapped, not reloaded");

            // 5. A change to another article does not reload this page.
            long generation = f.preview.site().served().number();
            f.replace("content/2024/only-dutch.nl.md", "bestaat alleen", "bestaat enkel");
            browser.await("the page to have heard of the rebuild", d -> {
                Object seen = browser.script("return document.documentElement.dataset.tolkGeneration;");
                return seen != null && Long.parseLong(seen.toString()) > generation;
            });
            assertEquals("still here", browser.script("return window.tolkTestMarker;"), "an unrelated page is left alone");
        }
    }

    @Test
    void aPageWhoseSlugChangesFollowsItToItsNewUrl() throws Exception {
        try (Browser browser = Browser.start(); PreviewFixture f = PreviewFixture.start(PreviewFixture.copy(temp))) {
            browser.driver.get(f.url("/nl/2024/02/only-dutch/").toString());
            f.replace("content/2024/only-dutch.nl.md", "language: nl", "language: nl\nslug: enkel-nederlands");
            browser.await("the browser at the new URL", d -> d.getCurrentUrl().endsWith("/nl/2024/02/enkel-nederlands/"));
            assertTrue(browser.bodyText().contains("Alleen in het Nederlands"));
        }
    }

    @Test
    void theTranslatorsViewFiltersAndComparesInTheBrowser() throws Exception {
        try (Browser browser = Browser.start(); PreviewFixture f = PreviewFixture.start(PreviewFixture.copy(temp))) {
            browser.driver.get(f.url("/_tolk/").toString());
            browser.script("document.querySelector('input[value=missing]').click();");
            Object visible = browser.script("return Array.from(document.querySelectorAll('tr.tv-group')).filter(r => !r.hidden)"
                    + ".map(r => r.querySelector('.tv-key').textContent);");
            assertEquals(java.util.List.of("2024/only-dutch"), visible);

            // A translation written while the view is open appears in it (the filter, kept across the reload,
            // now hides the story: it is complete).
            f.write("content/2024/only-dutch.en.md", "---\ntitle: Only in Dutch no more\ndate: 2024-02-01T08:00:00+01:00\n"
                    + "language: en\ntranslator: Test\n---\nThis story now exists in English too.\n");
            browser.await("the new translation in the view", d -> ((String) browser.script("return document.body.textContent;"))
                    .contains("Only in Dutch no more"));
            assertEquals("missing", browser.script("return document.querySelector('input[name=tv-show]:checked').value;"));
        }
    }

    @Test
    void everyTabSharesOneConnectionAndAllOfThemReload() throws Exception {
        try (Browser browser = Browser.start(); PreviewFixture f = PreviewFixture.start(PreviewFixture.copy(temp))) {
            List<String> tabs = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                if (i > 0) browser.driver.switchTo().newWindow(WindowType.TAB);
                browser.driver.get(f.url("/nl/2024/03/story/").toString());
                tabs.add(browser.driver.getWindowHandle());
            }
            // Eight tabs, more than the six connections a browser opens to one server: one event stream for all.
            PreviewFixture.eventually("the shared worker's stream", () -> f.preview.browsers() == 1);
            f.replace("content/2024/story/story.nl.md", "Een woordvoerder wilde", "Een woordvoerster wilde");
            for (String tab : tabs) {
                browser.driver.switchTo().window(tab);
                browser.await("the edit in every tab", d -> browser.bodyText().contains("Een woordvoerster wilde"));
            }
        }
    }
}
