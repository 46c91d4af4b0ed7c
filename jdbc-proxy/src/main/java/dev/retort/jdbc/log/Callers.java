package dev.retort.jdbc.log;

import java.util.List;

/** Finds the application frame that ran a statement, looking past JDBC, pool, ORM and JDK frames. */
final class Callers {

    private static final List<String> INFRASTRUCTURE = List.of(
            "java.", "javax.", "jdk.", "sun.", "com.sun.", "jakarta.", "dev.retort.",
            "com.zaxxer.hikari.", "io.agroal.", "org.apache.commons.dbcp", "org.apache.tomcat.jdbc.",
            "com.mchange.", "org.h2.", "org.postgresql.", "org.mariadb.", "org.sqlite.", "com.mysql.",
            "oracle.jdbc.", "org.hibernate.", "org.springframework.jdbc.", "org.springframework.orm.",
            "org.springframework.transaction.", "org.jdbi.", "org.jooq.", "org.apache.ibatis.", "org.mybatis.",
            "io.quarkus.agroal.", "io.quarkus.hibernate.", "io.quarkus.narayana.", "com.arjuna.",
            "com.p6spy.", "net.ttddyy.dsproxy.");

    private static final StackWalker WALKER = StackWalker.getInstance();

    private Callers() {
    }

    static String find() {
        return WALKER.walk(frames -> frames
                .filter(frame -> !isInfrastructure(frame.getClassName()))
                .findFirst()
                .map(frame -> frame.getClassName() + '.' + frame.getMethodName() + '(' + frame.getFileName()
                        + ':' + frame.getLineNumber() + ')')
                .orElse(null));
    }

    private static boolean isInfrastructure(String className) {
        for (String prefix : INFRASTRUCTURE) {
            if (className.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
