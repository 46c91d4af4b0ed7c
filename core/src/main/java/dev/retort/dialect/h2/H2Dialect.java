package dev.retort.dialect.h2;

import dev.retort.dialect.Dialect;
import dev.retort.dialect.SqlCompiler;

/** H2 2.x: standard SQL throughout; the base compiler needs no change beyond its own class. */
public final class H2Dialect extends Dialect {
    @Override
    public String name() {
        return "h2";
    }

    @Override
    public String displayName() {
        return "H2";
    }

    @Override
    public boolean supportsIlike() {
        return true;
    }

    /** H2 2.x has LEFT and RIGHT joins but no FULL OUTER JOIN. */
    @Override
    public boolean supportsFullOuterJoin() {
        return false;
    }

    @Override
    protected SqlCompiler newCompiler() {
        return new H2Compiler(this);
    }
}
