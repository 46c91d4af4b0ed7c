package dev.retort;

/** The query uses a SQL feature the database lacks; the message names the feature, the database and a way around it. */
public class UnsupportedFeatureException extends RetortException {
    private static final long serialVersionUID = 1L;

    public UnsupportedFeatureException(String message) {
        super(message);
    }
}
