package dev.retort.dialect;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.retort.UnsupportedFeatureException;
import dev.retort.sql.Expression;
import dev.retort.sql.Statement;

/**
 * Where a database lacks a feature (its dialect says so by capability), compiling a statement that needs
 * it fails with a message naming the feature, the database and a way around it. The four built-in
 * databases all have window functions and WITH; an old-database dialect stands in for one that has not.
 */
class UnsupportedFeaturesTest {
    private static final Dialect OLD_DATABASE = new Dialect() {
        @Override
        public String name() {
            return "old";
        }

        @Override
        public String displayName() {
            return "OldDB 1.0";
        }

        @Override
        protected SqlCompiler newCompiler() {
            return new SqlCompiler(this);
        }

        @Override
        public boolean supportsWindowFunctions() {
            return false;
        }

        @Override
        public boolean supportsCommonTableExpressions() {
            return false;
        }
    };

    private static final Statement.Select USERS = new Statement.Select("users", List.of(new Expression.ColumnRef("id")),
            Optional.empty(), List.of(), Optional.empty(), Optional.empty());

    @Test
    void windowFunctions() {
        Statement.Select select = new Statement.Select("users", List.of(new Expression.Window(
                new Expression.Function(Expression.FunctionName.ROW_NUMBER, List.of()), List.of(), List.of())),
                Optional.empty(), List.of(), Optional.empty(), Optional.empty());
        assertThatThrownBy(() -> OLD_DATABASE.compile(select)).isInstanceOf(UnsupportedFeatureException.class)
                .hasMessage("Window functions (OVER) are not supported by OldDB 1.0. To fix this, compute the value with a "
                        + "subquery or in Java.");
    }

    @Test
    void commonTableExpressions() {
        Statement with = new Statement.With(List.of(new Statement.CommonTable("ids", List.of("id"), USERS)), USERS);
        assertThatThrownBy(() -> OLD_DATABASE.compile(with)).isInstanceOf(UnsupportedFeatureException.class)
                .hasMessage("Common table expressions (WITH) are not supported by OldDB 1.0. To fix this, use a subquery instead.");
    }
}
