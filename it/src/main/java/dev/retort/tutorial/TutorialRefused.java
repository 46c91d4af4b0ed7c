package dev.retort.tutorial;

/** The tutorial will not drop tables that it did not create (see {@link TutorialTables}). */
final class TutorialRefused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TutorialRefused(String message) {
        super(message);
    }
}
