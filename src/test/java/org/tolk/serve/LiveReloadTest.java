package org.tolk.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The live-reload event stream as a browser reads it: what each rebuild tells the open pages. */
class LiveReloadTest {
    @TempDir
    Path temp;

    /** One server-sent event: its name and its data line. */
    record Event(String name, String data) {
    }

    /** Reads {@code /_tolk/events} on a thread of its own; closing it hangs up. */
    static final class Stream implements AutoCloseable {
        final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        final HttpResponse<java.util.stream.Stream<String>> response;
        private final Thread reader;

        Stream(PreviewFixture f) throws IOException, InterruptedException {
            response = PreviewFixture.HTTP.send(HttpRequest.newBuilder(f.url("/_tolk/events")).GET().build(),
                    HttpResponse.BodyHandlers.ofLines());
            reader = new Thread(() -> {
                String[] name = {null};
                try (java.util.stream.Stream<String> lines = response.body()) {
                    lines.forEach(line -> {
                        if (line.startsWith("event: ")) name[0] = line.substring(7);
                        else if (line.startsWith("data: ")) events.add(new Event(name[0], line.substring(6)));
                    });
                } catch (RuntimeException e) {
                    // hung up
                }
            }, "test-sse-reader");
            reader.setDaemon(true);
            reader.start();
        }

        Event next(String name) throws InterruptedException {
            while (true) {
                Event event = events.poll(60, TimeUnit.SECONDS);
                assertNotNull(event, "no '" + name + "' event within a minute");
                if (event.name().equals(name)) return event;
            }
        }

        @Override
        public void close() {
            reader.interrupt();
        }
    }

    @Test
    void theStreamIsServerSentEventsAndStartsWithTheCurrentState() throws Exception {
        try (PreviewFixture f = PreviewFixture.start(PreviewFixture.copy(temp)); Stream stream = new Stream(f)) {
            assertEquals(200, stream.response.statusCode());
            assertEquals("text/event-stream;charset=utf-8", stream.response.headers().firstValue("Content-Type").orElse(""));
            Event state = stream.next("state");
            assertTrue(state.data().contains("\"generation\":" + f.preview.site().served().number()), state.data());
            assertTrue(state.data().contains("\"errors\":0"), state.data());
        }
    }

    @Test
    void aRebuildNamesTheChangedFilesSoEachPageKnowsWhetherToReload() throws Exception {
        try (PreviewFixture f = PreviewFixture.start(PreviewFixture.copy(temp)); Stream stream = new Stream(f)) {
            stream.next("state");
            long before = f.preview.site().served().number();
            f.replace("content/2024/only-dutch.nl.md", "bestaat alleen", "bestaat nog steeds alleen");
            Event rebuild = stream.next("rebuild");
            assertTrue(rebuild.data().contains("\"swapped\":true"), rebuild.data());
            assertTrue(rebuild.data().contains("\"previous\":" + before), rebuild.data());
            assertTrue(rebuild.data().contains("\"nl/2024/02/only-dutch/index.html\""), rebuild.data());
            assertFalse(rebuild.data().contains("\"nl/2024/03/story/index.html\""), "an unrelated page stays as it is");
            assertTrue(rebuild.data().contains("\"css\":false"), rebuild.data());

            // A page served before the rebuild, whose stream connected after it, asks and is told to reload.
            String changed = f.get("/_tolk/changed?since=" + before + "&file=nl/2024/02/only-dutch/index.html").body();
            assertTrue(changed.contains("\"reload\":true"), changed);
            String unchanged = f.get("/_tolk/changed?since=" + before + "&file=nl/2024/03/story/index.html").body();
            assertTrue(unchanged.contains("\"reload\":false"), unchanged);
        }
    }

    @Test
    void aStyleSheetChangeIsAnnouncedAsCssOnly() throws Exception {
        try (PreviewFixture f = PreviewFixture.start(PreviewFixture.copy(temp)); Stream stream = new Stream(f)) {
            stream.next("state");
            f.write("templates/assets/tolk.css", "body { background-color: rgb(9, 9, 9); }\n");
            Event rebuild = stream.next("rebuild");
            assertTrue(rebuild.data().contains("\"css\":true"), rebuild.data());
            assertTrue(rebuild.data().contains("\"changed\":[\"assets/tolk.css\"]"), rebuild.data());
        }
    }

    @Test
    void errorsAreSentWithTheirPlaceAndTheFixClearsThem() throws Exception {
        try (PreviewFixture f = PreviewFixture.start(PreviewFixture.copy(temp)); Stream stream = new Stream(f)) {
            stream.next("state");
            String good = f.read("content/2024/story/story.en.md");
            f.write("content/2024/story/story.en.md", good.replace("title: Telegram refuses", "title: [Telegram refuses"));
            Event broken = stream.next("rebuild");
            assertTrue(broken.data().contains("\"swapped\":false"), broken.data());
            assertTrue(broken.data().contains("\"errors\":1"), broken.data());
            assertTrue(broken.data().contains("\"where\":\"content/2024/story/story.en.md:"), broken.data());
            assertTrue(f.get("/en/2024/03/story/").body().contains("Telegram refuses to share data"),
                    "the last good page is still served under the overlay");

            f.write("content/2024/story/story.en.md", good);
            Event fixed = stream.next("rebuild");
            assertTrue(fixed.data().contains("\"errors\":0"), fixed.data());
            assertTrue(fixed.data().contains("\"problems\":[]"), fixed.data());
        }
    }

    @Test
    void aPageThatMovesToANewUrlIsFollowed() throws Exception {
        try (PreviewFixture f = PreviewFixture.start(PreviewFixture.copy(temp)); Stream stream = new Stream(f)) {
            stream.next("state");
            f.replace("content/2024/only-dutch.nl.md", "language: nl", "language: nl\nslug: enkel-nederlands");
            Event rebuild = stream.next("rebuild");
            assertTrue(rebuild.data().contains("\"moved\":{\"from\":\"nl/2024/02/only-dutch/index.html\",\"to\":\"/nl/2024/02/enkel-nederlands/\"}")
                    || rebuild.data().contains("\"moved\":{\"to\":\"/nl/2024/02/enkel-nederlands/\",\"from\":\"nl/2024/02/only-dutch/index.html\"}"),
                    rebuild.data());
        }
    }

    @Test
    void everyBrowserHearsEveryRebuild() throws Exception {
        try (PreviewFixture f = PreviewFixture.start(PreviewFixture.copy(temp)); Stream one = new Stream(f); Stream two = new Stream(f)) {
            one.next("state");
            two.next("state");
            PreviewFixture.eventually("two browsers connected", () -> f.preview.browsers() == 2);
            f.replace("content/2024/only-dutch.nl.md", "bestaat alleen", "bestaat enkel");
            assertTrue(one.next("rebuild").data().contains("only-dutch"));
            assertTrue(two.next("rebuild").data().contains("only-dutch"));
        }
    }
}
