package org.tolk.content;

/**
 * What a source file looked like when it was read: enough to tell, without reading it again, that it
 * has not changed (as make, rsync and git do).
 */
public record FileState(long size, long modifiedMillis) {
}
