package dev.retort;

/**
 * A lazy relationship was read after the session that loaded its object was closed (or the object was
 * expunged from it), so it can no longer be loaded. The message names the object, the relationship and
 * the fix: load it with the query ({@code Load.selectIn(...)}) or read it while the session is open.
 */
public class DetachedInstanceException extends InvalidRequestException {
    public DetachedInstanceException(String message) {
        super(message);
    }
}
