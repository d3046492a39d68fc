/**
 * The persistent build cache behind incremental builds: which article files were read and how, and
 * the fingerprint of every page written. An optimisation, never a different answer: a page is kept
 * only when everything its bytes depend on is as it was.
 */
package org.tolk.cache;
