package org.tolk.serve;

import org.tolk.json.Json;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.tolk.check.Problem;

/**
 * The server side of live reload: a server-sent-events stream ({@code /_tolk/events}) that tells every open
 * page what each rebuild changed. Each browser decides for itself whether its page is affected (it knows
 * which output file it shows), so one message serves every tab.
 *
 * <p>Events:
 * <ul>
 * <li>{@code state}, on connecting: the server instance, the generation served and the current problems;
 * <li>{@code rebuild}, after each rebuild: which output files changed (or {@code all}), whether only style
 *     sheets changed ({@code css}), a page that moved to a new URL ({@code moved}), and the problems.
 * </ul>
 * A page served from an older generation than the stream reports asks {@code /_tolk/changed} whether its
 * file changed in between, so a rebuild that finishes while a page is loading is never missed.
 *
 * <p>Messages go out on one sending thread, so a slow browser never holds up a rebuild; a comment line
 * every 15 seconds keeps idle connections open and finds the ones whose browser has gone.
 */
final class LiveReload implements AutoCloseable {
    /** Past this many changed files, browsers are told "all" rather than sent the list. */
    static final int MAX_LISTED = 400;
    /** Problems shown in the overlay; the terminal shows all of them. */
    static final int MAX_PROBLEMS = 200;

    private final String instance;
    private final PreviewSite site;
    private final Set<Client> clients = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "tolk-live-reload");
        thread.setDaemon(true);
        return thread;
    });

    private record Client(Response response, Callback callback) {
    }

    LiveReload(String instance, PreviewSite site) {
        this.instance = instance;
        this.site = site;
        sender.scheduleWithFixedDelay(() -> broadcast(": keep-alive\n\n"), 15, 15, TimeUnit.SECONDS);
    }

    int clientCount() {
        return clients.size();
    }

    /** Opens an event stream for one browser (or one shared worker serving all of a browser's tabs). */
    boolean open(Request request, Response response, Callback callback) {
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/event-stream;charset=utf-8");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.getHeaders().put("X-Accel-Buffering", "no");
        Client client = new Client(response, callback);
        clients.add(client);
        String hello = "retry: 1000\n\n" + event("state", stateMessage());
        sender.execute(() -> send(client, hello));
        return true;
    }

    /** Tells every browser what {@code rebuild} did. */
    void announce(Rebuild rebuild, long previousGeneration) {
        Generation served = site.served();
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("instance", instance);
        message.put("generation", served == null ? 0 : served.number());
        message.put("previous", previousGeneration);
        message.put("swapped", rebuild.swapped());
        boolean all = rebuild.changed().size() > MAX_LISTED;
        message.put("all", all);
        message.put("changed", all ? List.of() : List.copyOf(rebuild.changed()));
        message.put("css", rebuild.cssOnly());
        message.put("moved", moved(rebuild));
        addProblems(message, rebuild.problems());
        String text = event("rebuild", message);
        sender.execute(() -> broadcast(text));
    }

    /**
     * When a rebuild removed exactly one page and added exactly one (a new slug, a new date), the browsers
     * showing the old URL follow the page to its new one instead of landing on a 404.
     */
    private static Map<String, String> moved(Rebuild rebuild) {
        List<String> gone = rebuild.removed().stream().filter(p -> p.endsWith(".html")).toList();
        List<String> come = rebuild.added().stream().filter(p -> p.endsWith(".html")).toList();
        if (gone.size() == 1 && come.size() == 1) {
            return Map.of("from", gone.get(0), "to", PreviewPaths.sitePath(come.get(0)));
        }
        return null;
    }

    Map<String, Object> stateMessage() {
        Generation served = site.served();
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("instance", instance);
        message.put("generation", served == null ? 0 : served.number());
        addProblems(message, site.problems());
        return message;
    }

    private static void addProblems(Map<String, Object> message, List<Problem> problems) {
        List<Problem> shown = new ArrayList<>(problems.stream().filter(Problem::isError).toList());
        problems.stream().filter(p -> !p.isError()).forEach(shown::add);
        List<Map<String, Object>> list = new ArrayList<>();
        for (Problem problem : shown.subList(0, Math.min(MAX_PROBLEMS, shown.size()))) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("severity", problem.severity().label());
            p.put("where", where(problem));
            p.put("message", problem.message());
            list.add(p);
        }
        message.put("errors", problems.stream().filter(Problem::isError).count());
        message.put("warnings", problems.stream().filter(p -> !p.isError()).count());
        message.put("problems", list);
        message.put("more", Math.max(0, shown.size() - MAX_PROBLEMS));
    }

    /** {@code path:line:column}, as editors and the terminal write it. */
    static String where(Problem problem) {
        return problem.path() + ":" + Math.max(problem.line(), 1) + ":" + Math.max(problem.column(), 1);
    }

    private static String event(String name, Map<String, Object> data) {
        return "event: " + name + "\ndata: " + Json.compact(data) + "\n\n";
    }

    private void broadcast(String text) {
        for (Client client : clients) {
            send(client, text);
        }
    }

    private void send(Client client, String text) {
        if (!clients.contains(client)) {
            return;
        }
        CompletableFuture<Void> written = new CompletableFuture<>();
        try {
            client.response().write(false, ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)),
                    Callback.from(() -> written.complete(null), written::completeExceptionally));
            written.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            // The browser went away (or stopped reading): forget it.
            clients.remove(client);
            client.callback().failed(e instanceof java.util.concurrent.ExecutionException ee && ee.getCause() != null ? ee.getCause() : e);
        }
    }

    /** Ends every stream (browsers reconnect on their own to the next server) and stops sending. */
    @Override
    public void close() {
        sender.shutdownNow();
        try {
            sender.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Client client : clients) {
            clients.remove(client);
            client.callback().succeeded();
        }
    }
}
