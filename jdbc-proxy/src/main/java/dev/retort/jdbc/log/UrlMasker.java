package dev.retort.jdbc.log;

import java.util.regex.Pattern;

/** Hides passwords in JDBC URLs before they reach a log or an exception message. */
public final class UrlMasker {

    /** {@code password=...} style parameters, in any case, up to the next separator. */
    private static final Pattern PASSWORD_PARAMETER =
            Pattern.compile("(?i)((?:password|passwd|pwd|secret)\\s*=)[^&;,)]*");
    /** {@code user:secret@host} in URLs such as {@code jdbc:mysql://user:secret@host/db}. */
    private static final Pattern USER_INFO = Pattern.compile("(//[^/:@?&;]+:)[^@/]*@");

    private UrlMasker() {
    }

    public static String mask(String url) {
        String masked = PASSWORD_PARAMETER.matcher(url).replaceAll("$1***");
        return USER_INFO.matcher(masked).replaceAll("$1***@");
    }
}
