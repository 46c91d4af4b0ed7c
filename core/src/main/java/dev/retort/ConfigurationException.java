package dev.retort;

/** A URL, option or setting is wrong; the message names it and the accepted values. */
public class ConfigurationException extends RetortException {
    private static final long serialVersionUID = 1L;

    public ConfigurationException(String message) {
        super(message);
    }

    public ConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
