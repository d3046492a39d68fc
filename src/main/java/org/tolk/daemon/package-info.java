/**
 * Tolk's build daemon: a JVM that stays up between {@code tolk build}s, so that a rebuild after an edit
 * does not pay for a fresh JVM's start-up and warm-up (class loading, compiling Tolk's code), which is
 * most of an incremental build's time. The {@link org.tolk.daemon.Client} is what the {@code tolk}
 * command runs first: a few classes of the JDK, no Tolk code beyond this package, so that handing a build
 * over costs a tenth of a second. The {@link org.tolk.daemon.Daemon} runs the very same command in-process
 * and sends back what it printed and its exit code.
 */
package org.tolk.daemon;
