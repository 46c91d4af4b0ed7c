package dev.retort.schema;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SqlScriptTest {

    @Test
    void semicolonsEndStatements() {
        assertThat(SqlScript.statements("insert into a values (1);\n insert into a values (2) ;\n"))
                .containsExactly("insert into a values (1)", "insert into a values (2)");
    }

    @Test
    void aLastStatementNeedsNoSemicolon() {
        assertThat(SqlScript.statements("delete from a;\ndelete from b")).containsExactly("delete from a", "delete from b");
    }

    @Test
    void semicolonsInStringsAndQuotedNamesStay() {
        assertThat(SqlScript.statements("insert into \"a;b\" values ('x; y', 'it''s; fine');"))
                .containsExactly("insert into \"a;b\" values ('x; y', 'it''s; fine')");
    }

    @Test
    void commentsAreDroppedWithTheSemicolonsInThem() {
        assertThat(SqlScript.statements("-- first; not a statement\ninsert into a values (1); /* two; */\n"
                + "insert into a values (2); -- trailing"))
                .containsExactly("insert into a values (1)", "insert into a values (2)");
    }

    @Test
    void aDashInsideAStringIsNotAComment() {
        assertThat(SqlScript.statements("insert into a values ('--not a comment');"))
                .containsExactly("insert into a values ('--not a comment')");
    }

    @Test
    void blankAndCommentOnlyScriptsHaveNoStatements() {
        assertThat(SqlScript.statements("  \n-- nothing\n/* nothing */ ;  ;")).isEmpty();
    }
}
