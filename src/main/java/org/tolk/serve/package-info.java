/**
 * {@code tolk serve}: the live preview. Renders the whole site into memory (never into the output folder),
 * serves it with an embedded Jetty 12 server, watches the sources, rebuilds on change, and tells open browsers
 * to reload, swap their style sheets or show the build's errors.
 *
 * <p>The flow of one change, class by class:
 * <pre>
 * SourceWatcher ──► RebuildLoop (debounce) ──► PreviewSite.rebuild ──► Rebuild (what changed)
 *                                                   │                     ├──► LiveReload (server-sent events to browsers)
 *                                                   ▼                     └──► TerminalLog (one line per rebuild)
 *                                               Generation ◄── PreviewHandler (HTTP) ◄── browsers
 * </pre>
 * {@link org.tolk.serve.Preview} wires them together; the CLI's {@code ServeCommand} only parses flags and prints.
 *
 * <p>The browser side lives in {@code src/main/resources/org/tolk/serve/}: {@code live.js} (injected into every
 * HTML page the preview serves), {@code worker.js} (one event stream shared by all tabs), the overlay's style
 * sheet and the translator's view templates.
 */
package org.tolk.serve;
